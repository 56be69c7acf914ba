package dev.portal.identity.users;

import dev.portal.platform.errors.TemporarilyUnavailable;
import java.util.Map;

/**
 * Every Argon2 slot stayed taken for the whole wait: {@code 503 busy} with {@code Retry-After}. Hashing is capped so
 * that a flood of logins cannot take the processors from probes and every other request.
 */
public class HashingBusy extends TemporarilyUnavailable {

    HashingBusy() {
        super("busy", "Busy", "The service is busy. Try again in a moment.", Map.of("retryAfter", 1));
    }
}
