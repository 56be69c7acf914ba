package dev.portal.notification.feed;

import java.util.ArrayList;
import java.util.List;

/** Writes down what {@link RecentNotifications} tells a stream, as {@code deliver 0-3}, {@code checkpoint 0-5}, {@code reset 0-5}. */
final class RecordingSubscriber implements Subscriber {

    final List<String> calls = new ArrayList<>();

    @Override
    public void deliver(Notification notification) {
        calls.add("deliver " + notification.position());
    }

    @Override
    public void checkpoint(Position position) {
        calls.add("checkpoint " + position);
    }

    @Override
    public void reset(Position position) {
        calls.add("reset " + position);
    }
}
