package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Stripe's idempotent requests: the first result for a key (status and body, 5xx included) is saved and replayed;
 * the same key with other parameters is an {@code idempotency_error}; a key whose first request is still running
 * is a 409; nothing is saved when the request failed validation before executing. Keys live until reset.
 */
@Component
class StripeIdempotency {

    /** The first request made with one key, and its result once there is one. */
    static final class Entry {
        final String request;
        final String fingerprint;
        boolean done;
        int status;
        String body;
        String requestId;

        Entry(String request, String fingerprint) {
            this.request = request;
            this.fingerprint = fingerprint;
        }
    }

    /** What to do with a request that carries a key. */
    sealed interface Decision permits Execute, Replay {
    }

    record Execute(Entry entry) implements Decision {
    }

    record Replay(int status, String body, String originalRequestId) implements Decision {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    synchronized Decision begin(String key, String request, String fingerprint) {
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(request, fingerprint);
            entries.put(key, entry);
            return new Execute(entry);
        }
        if (!entry.request.equals(request) || !entry.fingerprint.equals(fingerprint)) {
            throw new StripeError(400, "idempotency_error", null, null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                            + "Try using a key other than '" + key + "' if you meant to execute a different request.", true);
        }
        if (!entry.done) {
            throw new StripeError(409, "invalid_request_error", "idempotency_key_in_use", null,
                    "There is currently another in-progress request using this idempotency key (that probably means you "
                            + "submitted twice, and the other request is still going through): " + key + ". Please try again later.", true);
        }
        return new Replay(entry.status, entry.body, entry.requestId);
    }

    synchronized void complete(Entry entry, int status, String body, String requestId) {
        entry.status = status;
        entry.body = body;
        entry.requestId = requestId;
        entry.done = true;
    }

    /** The request failed before executing: the key is free again. */
    synchronized void abandon(String key, Entry entry) {
        entries.remove(key, entry);
    }

    synchronized void reset() {
        entries.clear();
    }
}
