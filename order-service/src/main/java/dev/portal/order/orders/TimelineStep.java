package dev.portal.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * The latest state of one fulfillment step of an order ({@code mark-activating}, {@code create-whmcs-order}, ...).
 *
 * @param reason customer-safe text from fulfillment-service, or null
 */
@Embeddable
public record TimelineStep(
        String step,
        @Enumerated(EnumType.STRING) StepStatus status,
        int attempt,
        String reason,
        @Column(name = "at") Instant at) {
}
