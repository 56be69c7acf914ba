package dev.portal.identity.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_tokens} table: tokens stored as their SHA-256, one family per login. */
@Repository
class RefreshTokens {

    /**
     * A stored token; {@code usedAt} and {@code revokedAt} are null while it is live.
     *
     * @param sessionVersion the user's session version when the family began
     * @param successorId the token its use issued (null while unused)
     * @param successorSealed that successor, sealed with a key only this token yields (null once the grace is over)
     */
    record Stored(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt, Instant revokedAt, int sessionVersion,
                  UUID successorId, byte[] successorSealed) {

        boolean live(Instant now) {
            return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private static final String COLUMNS =
            "id, user_id, family_id, expires_at, used_at, revoked_at, session_version, successor_id, successor_sealed";

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant issuedAt, Instant expiresAt, int sessionVersion) {
        jdbc.sql("insert into refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at, session_version)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, userId, familyId, tokenHash, Timestamp.from(issuedAt), Timestamp.from(expiresAt), sessionVersion)
                .update();
    }

    /** The token with this hash, without a lock (to learn whose it is before locking in order). */
    Optional<Stored> find(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from refresh_tokens where token_hash = ?").param(tokenHash)
                .query(RefreshTokens::stored).optional();
    }

    /** The token with this hash, locked for the caller's transaction. */
    Optional<Stored> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from refresh_tokens where token_hash = ? for update")
                .param(tokenHash).query(RefreshTokens::stored).optional();
    }

    Optional<Stored> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from refresh_tokens where id = ?").param(id).query(RefreshTokens::stored).optional();
    }

    Optional<UUID> familyOf(byte[] tokenHash) {
        return jdbc.sql("select family_id from refresh_tokens where token_hash = ?").param(tokenHash).query(UUID.class).optional();
    }

    /** Uses the token up, remembering the successor its use issued. */
    void markUsed(UUID id, Instant at, UUID successorId, byte[] successorSealed) {
        jdbc.sql("update refresh_tokens set used_at = ?, successor_id = ?, successor_sealed = ? where id = ?")
                .params(Timestamp.from(at), successorId, successorSealed, id).update();
    }

    int revokeFamily(UUID familyId, Instant at) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(at), familyId).update();
    }

    int revokeAllOf(UUID userId, Instant at) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), userId).update();
    }

    /** Drops sealed successors whose grace is over, and tokens expired for a day. */
    void purge(Instant sealedBefore, Instant expiredBefore) {
        jdbc.sql("update refresh_tokens set successor_sealed = null where successor_sealed is not null and used_at < ?")
                .param(Timestamp.from(sealedBefore)).update();
        jdbc.sql("delete from refresh_tokens where expires_at < ?").param(Timestamp.from(expiredBefore)).update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getInt("session_version"), rs.getObject("successor_id", UUID.class), rs.getBytes("successor_sealed"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
