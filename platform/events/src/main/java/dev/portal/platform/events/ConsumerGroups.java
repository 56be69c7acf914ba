package dev.portal.platform.events;

import java.util.Set;

/**
 * The Kafka consumer groups this service consumes in, as its consumer technology knows them (the stream
 * bindings' groups, see platform-stream). {@link DeadLetters} replays only the dead records of these groups.
 */
@FunctionalInterface
public interface ConsumerGroups {

    Set<String> names();
}
