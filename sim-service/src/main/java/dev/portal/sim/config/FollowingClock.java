package dev.portal.sim.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clock that runs at the sandbox Freebit simulator's offset from real time, read from its admin API
 * ({@code offsetMillis}) at most every {@code maxAge}. Only for the local suite, where end-to-end tests move the
 * simulator's clock and the service's timing rules must see the same time. An unreachable sandbox keeps the last
 * offset read. Time never runs backwards here: when the simulator's clock is set back (a sandbox reset), this clock
 * stays where it was until the simulator catches up, because the scheduler's waits would otherwise last as long as
 * the jump.
 */
final class FollowingClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(FollowingClock.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock real;
    private final URI source;
    private final Duration maxAge;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAtNanos = Long.MIN_VALUE;
    private Duration warnedAbout;

    FollowingClock(Clock real, URI source, Duration maxAge) {
        this.real = real;
        this.source = source;
        this.maxAge = maxAge;
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    /** The same time (the same offset, read once for both) seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        FollowingClock time = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return time.withZone(other);
            }

            @Override
            public Instant instant() {
                return time.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset());
    }

    private Duration offset() {
        long now = System.nanoTime();
        if (readAtNanos != Long.MIN_VALUE && now - readAtNanos < maxAge.toNanos()) {
            return offset;
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode millis = answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("offsetMillis") : null;
            if (millis != null && millis.isNumber()) {
                keepLater(Duration.ofMillis(millis.asLong()));
                readAtNanos = now;
            } else {
                log.warn("sandbox clock {} answered {}: keeping offset {}", source, answer.statusCode(), offset);
            }
        } catch (java.io.IOException | tools.jackson.core.JacksonException e) {
            log.warn("sandbox clock {} unreachable ({}): keeping offset {}", source, e.getMessage(), offset);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return offset;
    }

    private synchronized void keepLater(Duration read) {
        if (read.compareTo(offset) >= 0) {
            offset = read;
        } else if (!read.equals(warnedAbout)) {
            warnedAbout = read;
            log.warn("sandbox clock {} went back by {}: this clock keeps its time until the sandbox's catches up",
                    source, offset.minus(read));
        }
    }
}
