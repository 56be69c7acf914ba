package dev.portal.sandbox.stripe;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;

/**
 * Admin-set behaviour of the simulated API itself (not of a proxy in front of it, which is what faults are): a
 * delay while a request executes (its idempotency key stays in use meanwhile), Stripe {@code api_error}s answered
 * after the key was taken (saved and replayed like a real 5xx), or Stripe's 429 {@code rate_limit} refusal
 * (raised before executing, so not saved).
 */
@Component
class StripeApiBehaviour {

    /** @param delayMs pause inside each write; @param errorStatus answer writes with this 5xx; @param remaining for the next N writes */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(Integer delayMs, Integer errorStatus, Integer remaining) {
    }

    private Settings current = new Settings(null, null, null);
    private int left;

    synchronized void set(Settings settings) {
        if (settings.errorStatus() != null && settings.errorStatus() != 429
                && (settings.errorStatus() < 500 || settings.errorStatus() > 599)) {
            throw new IllegalArgumentException("errorStatus must be 429 or 500..599");
        }
        if (settings.delayMs() != null && (settings.delayMs() < 0 || settings.delayMs() > 60_000)) {
            throw new IllegalArgumentException("delayMs must be 0..60000");
        }
        current = settings;
        left = settings.remaining() == null ? Integer.MAX_VALUE : settings.remaining();
    }

    synchronized Settings current() {
        return current;
    }

    synchronized void reset() {
        current = new Settings(null, null, null);
        left = 0;
    }

    /** Applies the behaviour to one write: waits, then answers the 5xx to fail with, or 0 to go on. */
    int beforeWrite() {
        Settings now;
        synchronized (this) {
            if (left <= 0) {
                return 0;
            }
            left--;
            now = current;
        }
        if (now.delayMs() != null && now.delayMs() > 0) {
            try {
                Thread.sleep(now.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return now.errorStatus() == null ? 0 : now.errorStatus();
    }
}
