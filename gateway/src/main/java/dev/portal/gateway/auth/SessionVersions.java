package dev.portal.gateway.auth;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest session version of each user whose sessions were revoked, as announced by identity-service. A token
 * whose {@code sv} is lower was issued before the revocation. Kept in memory per instance: every instance reads the
 * events itself, and entries older than the longest token lifetime no longer matter after a restart.
 */
@Component
public class SessionVersions {

    private final Map<String, Integer> latest = new ConcurrentHashMap<>();

    /** Records a revocation; versions only go up, so a replayed or reordered older event changes nothing. */
    public void revoked(String userId, int sessionVersion) {
        latest.merge(userId, sessionVersion, Math::max);
    }

    public OptionalInt latest(String userId) {
        Integer version = latest.get(userId);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    public int size() {
        return latest.size();
    }
}
