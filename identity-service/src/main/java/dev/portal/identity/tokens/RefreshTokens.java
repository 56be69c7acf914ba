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

    /** A stored token; {@code usedAt} and {@code revokedAt} are null while it is live. */
    record Stored(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("insert into refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, userId, familyId, tokenHash, Timestamp.from(issuedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** The token with this hash, locked for the caller's transaction. */
    Optional<Stored> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens"
                        + " where token_hash = ? for update")
                .param(tokenHash).query(RefreshTokens::stored).optional();
    }

    Optional<UUID> familyOf(byte[] tokenHash) {
        return jdbc.sql("select family_id from refresh_tokens where token_hash = ?").param(tokenHash).query(UUID.class).optional();
    }

    void markUsed(UUID id, Instant at) {
        jdbc.sql("update refresh_tokens set used_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    int revokeFamily(UUID familyId, Instant at) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(at), familyId).update();
    }

    int revokeAllOf(UUID userId, Instant at) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), userId).update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
