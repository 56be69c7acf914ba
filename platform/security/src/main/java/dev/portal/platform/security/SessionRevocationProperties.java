package dev.portal.platform.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.security.revocations.*}: the service's own copy of session revocations (binding
 * {@code sessionRevocations-in-0} on {@code identity.user.events}).
 *
 * @param enabled  off: tokens are checked by signature and claims only (revoked ones then live until they expire
 *                 when a caller reaches the service directly)
 * @param lookback how far back to read at start: at least the longest access-token lifetime
 */
@Validated
@ConfigurationProperties("portal.security.revocations")
public record SessionRevocationProperties(@DefaultValue("true") boolean enabled,
                                          @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration lookback) {
}
