package dev.portal.platform.events;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /actuator/deadletters}: records waiting in each dead-letter topic;
 * {@code POST /actuator/deadletters/{topic}} (optional body {@code {"limit": n}}): replay them. An operator
 * tool on the management port, never routed by the gateway.
 */
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    private static final int DEFAULT_LIMIT = 10_000;

    private final DeadLetters deadLetters;
    private final List<String> deadLetterTopics;

    DeadLettersEndpoint(DeadLetters deadLetters, List<String> deadLetterTopics) {
        this.deadLetters = deadLetters;
        this.deadLetterTopics = deadLetterTopics;
    }

    @ReadOperation
    Map<String, Long> pending() {
        return deadLetters.pending(deadLetterTopics);
    }

    @WriteOperation
    Map<String, Object> replay(@Selector String topic, @Nullable Integer limit) {
        if (!deadLetterTopics.contains(topic)) {
            throw new IllegalArgumentException("unknown dead-letter topic " + topic);
        }
        int replayed = deadLetters.replay(topic, limit == null ? DEFAULT_LIMIT : limit);
        return Map.of("topic", topic, "replayed", replayed);
    }
}
