package dev.portal.identity.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code profile_cache} table: the last WHMCS read per user, shared by the replicas. */
@Repository
class CachedProfiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CachedProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The snapshot read after {@code freshAfter}, if any. */
    Optional<ProfileManagement.Snapshot> find(UUID userId, Instant freshAfter) {
        return jdbc.sql("select snapshot::text from profile_cache where user_id = ? and fetched_at > ?")
                .params(userId, Timestamp.from(freshAfter))
                .query(String.class).optional().map(json -> JSON.readValue(json, ProfileManagement.Snapshot.class));
    }

    void put(UUID userId, ProfileManagement.Snapshot snapshot, Instant fetchedAt) {
        jdbc.sql("insert into profile_cache (user_id, snapshot, fetched_at) values (?, cast(? as jsonb), ?)"
                        + " on conflict (user_id) do update set snapshot = excluded.snapshot, fetched_at = excluded.fetched_at")
                .params(userId, JSON.writeValueAsString(snapshot), Timestamp.from(fetchedAt)).update();
    }

    void evict(UUID userId) {
        jdbc.sql("delete from profile_cache where user_id = ?").param(userId).update();
    }
}
