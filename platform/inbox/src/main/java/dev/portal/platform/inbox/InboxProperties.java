package dev.portal.platform.inbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.inbox.*}
 *
 * @param retention how long an applied event is remembered; must exceed the longest redelivery window
 *                  (topic retention, dead-letter replays), or a very late duplicate would apply again
 */
@Validated
@ConfigurationProperties("portal.inbox")
public record InboxProperties(@NotNull @DefaultValue("14d") Duration retention,
                              @NotNull @DefaultValue("1h") Duration purgeInterval) {
}
