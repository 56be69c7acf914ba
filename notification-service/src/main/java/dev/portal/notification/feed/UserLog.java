package dev.portal.notification.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's recent notifications and the streams subscribed to them. Guarded by its own monitor: the consumer
 * appends and delivers under it, a subscriber replays and registers under it, so nothing is sent twice or skipped
 * between a replay and the live notifications that follow it.
 */
final class UserLog {

    final ArrayDeque<Notification> entries = new ArrayDeque<>(4);
    final List<Subscriber> subscribers = new ArrayList<>(1);
    /** The highest offset dropped from this user's log alone (the per-user bound). */
    long forgottenUpTo = -1;
    /** Removed from the map (empty, nobody subscribed): whoever still holds it looks the user up again. */
    boolean retired;

    boolean contains(java.util.UUID notificationId) {
        for (Notification entry : entries) {
            if (entry.notificationId().equals(notificationId)) {
                return true;
            }
        }
        return false;
    }

    boolean unused() {
        return entries.isEmpty() && subscribers.isEmpty();
    }
}
