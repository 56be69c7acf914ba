package dev.portal.order.config;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.order.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone the zone of the service's business dates (what "today" and "the 1st of next month" mean);
 *                 instants are zone-free and stored in UTC either way
 */
@Validated
@ConfigurationProperties("portal.order")
public record OrderProperties(@NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone) {
}
