package dev.portal.clients.salesforce.streaming;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ReplayIdStore} that forgets everything when the JVM stops: for tests and throw-away consumers. */
public final class InMemoryReplayIdStore implements ReplayIdStore {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    @Override
    public OptionalLong load(String channel) {
        Long id = ids.get(channel);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    @Override
    public void save(String channel, long replayId) {
        ids.put(channel, replayId);
    }
}
