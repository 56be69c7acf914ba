package dev.portal.notification.feed;

/**
 * A stream of one user's notifications, told by {@link RecentNotifications} what to send, in order. Every method
 * is called with the user's log held, from the Kafka consumer's thread or the subscribing one: it must not block.
 */
public interface Subscriber {

    /** A notification of the user, after those delivered before. */
    void deliver(Notification notification);

    /** Every notification of the user up to {@code position} has been delivered (the SSE id to resume from). */
    void checkpoint(Position position);

    /**
     * The client's last id is older than what this instance keeps (or not one of ours): notifications may be missing.
     * From here on the subscriber gets those after {@code position}; the client must reload what it shows.
     */
    void reset(Position position);
}
