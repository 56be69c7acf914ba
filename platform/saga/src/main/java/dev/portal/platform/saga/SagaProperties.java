package dev.portal.platform.saga;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.saga.*}
 *
 * @param leaderEnabled      whether this replica may become the leader that runs retries, resumes and timeouts
 * @param pollInterval       how often the leader looks for due instances when it found none
 * @param batchSize          due instances the leader claims (and runs at once) per poll
 * @param lease              how long a process may work on an instance before another may take it over; each attempt
 *                           renews it, so it must exceed the longest single step (with its client's retries)
 * @param leaderCheckInterval how often a replica that is not the leader tries to become it
 * @param maxAttempts        attempts per step before the saga parks, unless its definition says otherwise
 * @param firstBackoff       the wait after the first failed attempt; it doubles per attempt
 * @param maxBackoff         the longest wait between two attempts
 * @param jitter             the share of each wait that is random (0: none, 0.5: between half and all of it), so
 *                           instances that failed together do not retry together
 * @param stuckAfter         an active instance without progress for this long counts as stuck (metric, health)
 * @param monitorInterval    how often the counts behind the metrics and health details are refreshed
 * @param retention          how long completed and compensated instances stay for support before they are deleted
 * @param owner              the name this process takes leases under; empty = host name and a random suffix
 */
@Validated
@ConfigurationProperties("portal.saga")
public record SagaProperties(
        @DefaultValue("true") boolean leaderEnabled,
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(500) @DefaultValue("20") int batchSize,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration lease,
        @NotNull @DurationMin(millis = 10) @DefaultValue("5s") Duration leaderCheckInterval,
        @Min(1) @Max(10_000) @DefaultValue("12") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration firstBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration maxBackoff,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double jitter,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration stuckAfter,
        @NotNull @DurationMin(millis = 10) @DefaultValue("30s") Duration monitorInterval,
        @NotNull @DurationMin(hours = 1) @DefaultValue("30d") Duration retention,
        @NotNull @Pattern(regexp = "|[A-Za-z0-9._:-]{1,100}") @DefaultValue("") String owner) {
}
