package dev.portal.clients.salesforce.streaming;

import java.time.Instant;
import java.util.Set;

/**
 * A subscriber's state for health checks.
 *
 * @param connected      the last {@code /meta/connect} succeeded and the subscriber is running
 * @param lastConnectAt  when a connect last succeeded (null before the first)
 * @param lastEventAt    when the last event was delivered to the listener (null before the first)
 * @param handshakes     handshakes made so far (more than one means re-handshakes after expiry, 401 or 403)
 * @param lastError      the last Bayeux error or transport failure seen, null when none
 * @param subscribed     the channels whose subscription the server accepted in the current session
 */
public record StreamingHealth(boolean connected, Instant lastConnectAt, Instant lastEventAt, long handshakes, String lastError,
                              Set<String> subscribed) {

    public StreamingHealth {
        subscribed = Set.copyOf(subscribed);
    }
}
