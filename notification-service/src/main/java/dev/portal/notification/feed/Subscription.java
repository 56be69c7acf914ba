package dev.portal.notification.feed;

/** A subscriber's registration with {@link RecentNotifications}; cancelled when its stream ends. */
@FunctionalInterface
public interface Subscription {

    void cancel();
}
