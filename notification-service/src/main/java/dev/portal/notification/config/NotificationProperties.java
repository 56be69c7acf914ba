package dev.portal.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.notification.*}, checked at start: a missing or malformed setting stops the service, naming it.
 *
 * @param timeZone the zone of the service's business dates; instants are zone-free either way
 * @param stream   the open SSE streams of this instance
 * @param log      the recent notifications each instance keeps per user, from which a reconnecting client resumes
 * @param shutdown how a stopping instance hands its clients over to the others
 */
@Validated
@ConfigurationProperties("portal.notification")
public record NotificationProperties(@NotNull @DefaultValue("Asia/Tokyo") ZoneId timeZone,
                                     @NotNull @Valid @DefaultValue Stream stream,
                                     @NotNull @Valid @DefaultValue Log log,
                                     @NotNull @Valid @DefaultValue Shutdown shutdown) {

    /**
     * @param heartbeat   how often an idle stream gets a comment line, so that proxies keep it open
     * @param buffer      frames one client may have waiting beyond what its connection holds; a client that falls
     *                    further behind is disconnected (it reconnects and resumes from the log)
     * @param perUser     streams one user may hold open on one instance (browser tabs)
     * @param perInstance streams one instance holds at most; about 20 KiB of heap each when idle (docs/benchmarks.md)
     * @param reconnect   the reconnection delay announced to clients ({@code retry:}) when a stream opens
     */
    public record Stream(@NotNull @DurationMin(millis = 100) @DefaultValue("15s") Duration heartbeat,
                         @Min(16) @DefaultValue("256") int buffer,
                         @Min(1) @DefaultValue("5") int perUser,
                         @Min(1) @DefaultValue("10000") int perInstance,
                         @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) @DefaultValue("3s") Duration reconnect) {
    }

    /**
     * @param maxAge  how far back the log reaches, and how far back a starting instance reads the topic to rebuild it;
     *                a client away for longer gets {@code event: reset}
     * @param perUser notifications kept per user
     * @param total   notifications kept for all users together (memory bound of the instance)
     */
    public record Log(@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration maxAge,
                      @Min(1) @DefaultValue("100") int perUser,
                      @Min(1) @DefaultValue("100000") int total) {
    }

    /**
     * @param drain           how long a stopping instance keeps serving after it reports not ready, so that the
     *                        load balancer stops sending new streams to it before the open ones are told to reconnect
     * @param reconnectSpread clients are told to reconnect after a random delay up to this, so that thousands of them
     *                        do not arrive at the other instances in the same millisecond
     */
    public record Shutdown(@NotNull @DurationMin(millis = 0) @DurationMax(minutes = 1) @DefaultValue("5s") Duration drain,
                           @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 1) @DefaultValue("5s") Duration reconnectSpread) {
    }

    /**
     * A reconnecting client gets its missed notifications in one go: the buffer must hold a whole user's log plus the
     * frames around it (the opening one, a checkpoint, a heartbeat).
     */
    @AssertTrue(message = "portal.notification.stream.buffer must be at least portal.notification.log.per-user + 4 "
            + "(a reconnecting client is sent up to a whole user log at once)")
    public boolean isBufferLargerThanUserLog() {
        return stream == null || log == null || stream.buffer() >= log.perUser() + 4;
    }
}
