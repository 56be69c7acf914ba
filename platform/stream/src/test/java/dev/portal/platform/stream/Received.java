package dev.portal.platform.stream;

import dev.portal.platform.events.EventEnvelope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one test instance's consumer received, by event subject, in order. */
final class Received {

    final List<String> subjects = new CopyOnWriteArrayList<>();

    void add(Object event, EventEnvelope envelope) {
        subjects.add(envelope.subject());
    }

    long startingWith(String prefix) {
        return subjects.stream().filter(subject -> subject.startsWith(prefix)).count();
    }
}
