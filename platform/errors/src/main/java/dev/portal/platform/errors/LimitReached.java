package dev.portal.platform.errors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate or timing limit refuses the request until a known time (HTTP 429, or 409 for a per-resource cooldown
 * with {@link #asConflict()}); the edge adds {@code Retry-After}.
 */
public abstract non-sealed class LimitReached extends DomainException {

    private final Duration retryAfter;

    protected LimitReached(String code, String title, String detail, Duration retryAfter) {
        this(code, title, detail, retryAfter, Map.of());
    }

    protected LimitReached(String code, String title, String detail, Duration retryAfter, Map<String, ?> properties) {
        super(code, title, detail, withRetryAfter(properties, retryAfter));
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait, rounded up to whole seconds on the wire. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether this limit guards one resource's state (answered 409) rather than the caller's request rate (429). */
    public boolean asConflict() {
        return false;
    }

    /** Whole seconds, never below one. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Map<String, Object> withRetryAfter(Map<String, ?> properties, Duration retryAfter) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        all.putIfAbsent("retryAfter", seconds);
        return all;
    }
}
