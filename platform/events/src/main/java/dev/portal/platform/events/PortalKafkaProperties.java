package dev.portal.platform.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.kafka.*}: how consumers retry before a record goes to its dead-letter topic.
 *
 * @param retry back-off between attempts; after {@code max-attempts} the record is dead-lettered
 */
@Validated
@ConfigurationProperties("portal.kafka")
public record PortalKafkaProperties(@Valid @DefaultValue Retry retry) {

    public record Retry(@NotNull @DefaultValue("500ms") Duration initialInterval,
                        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                        @NotNull @DefaultValue("10s") Duration maxInterval,
                        @Min(1) @DefaultValue("5") int maxAttempts) {
    }
}
