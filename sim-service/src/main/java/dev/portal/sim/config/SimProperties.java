package dev.portal.sim.config;

import dev.portal.platform.service.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.sim.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone   the zone of the service's business dates (what "today" and "the 1st of next month" mean);
 *                   instants are zone-free and stored in UTC either way
 * @param whmcs      how SIM services are recognised among a client's WHMCS services
 * @param operations the rules and tracking of SIM operations
 * @param scheduler  the durable scheduler that runs operations and imports
 * @param records    the import of call and SMS records from the SFTP drop
 * @param clock      where the service's clock comes from (the system clock unless told to follow the sandbox)
 */
@Validated
@ConfigurationProperties("portal.sim")
public record SimProperties(
        @NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
        @NotNull @Valid @DefaultValue Whmcs whmcs,
        @NotNull @Valid @DefaultValue Operations operations,
        @NotNull @Valid @DefaultValue Scheduler scheduler,
        @NotNull @Valid @DefaultValue Records records,
        @NotNull @Valid @DefaultValue ClockSource clock) {

    /**
     * @param productGroup the WHMCS product group of SIM products
     * @param msisdnField  the custom field holding the line's MSISDN (the service's {@code domain} when absent)
     */
    public record Whmcs(@NotBlank @DefaultValue("SIM") String productGroup, @NotBlank @DefaultValue("MSISDN") String msisdnField) {
    }

    /**
     * @param changeInterval    the least time between two plan, voice option or network type changes of one line
     * @param checkInterval     how often Freebit is asked whether a submitted operation is done, once it is due
     * @param completionTimeout how long after its expected completion an operation may stay unconfirmed before it fails
     * @param reconcileDelay    how long after an unanswered submission Freebit is asked whether it took it
     */
    public record Operations(
            @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration changeInterval,
            @NotNull @DurationMin(millis = 100) @DefaultValue("1m") Duration checkInterval,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("24h") Duration completionTimeout,
            @NotNull @DurationMin(millis = 100) @DefaultValue("1m") Duration reconcileDelay) {
    }

    /**
     * @param enabled         whether this instance runs scheduled work (off only for tools and narrow tests)
     * @param pollingInterval how often the scheduler looks for due work (new work is also picked at once on commit)
     * @param threads         executions at a time per instance
     * @param heartbeat       how often a running execution proves its instance alive; 4 missed ones and another
     *                        instance takes the execution over
     */
    public record Scheduler(
            @DefaultValue("true") boolean enabled,
            @NotNull @DurationMin(millis = 50) @DefaultValue("5s") Duration pollingInterval,
            @Min(1) @Max(64) @DefaultValue("4") int threads,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration heartbeat) {
    }

    /**
     * @param importEnabled  whether the drop is read on a schedule
     * @param importInterval the delay between two reads of the drop
     * @param batchSize      rows written per transaction (a crash redoes at most one batch)
     * @param workDirectory  where a file is downloaded before it is read (the system temp directory when absent)
     */
    public record Records(
            @DefaultValue("true") boolean importEnabled,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration importInterval,
            @Min(1) @Max(100_000) @DefaultValue("5000") int batchSize,
            Path workDirectory) {
    }

    /**
     * @param followUrl for the local suite and its end-to-end tests only: the sandbox's Freebit clock
     *                  ({@code GET /sandbox/admin/freebit/clock}); the service's clock then runs at the simulator's
     *                  offset, so the timing rules are tested on the simulator's time
     * @param maxAge    how long a read offset is used before the next read
     */
    public record ClockSource(@HttpUrl URI followUrl, @NotNull @DefaultValue("0s") Duration maxAge) {

        public ClockSource {
            // an empty environment variable means "not set"
            followUrl = followUrl == null || followUrl.toString().isBlank() ? null : followUrl;
        }
    }
}
