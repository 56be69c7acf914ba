package dev.portal.identity.reset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_reset_tokens} table: only the SHA-256 of each token is kept. */
@Repository
class ResetTokens {

    /** A stored token; {@code usedAt} is null while it is unused. */
    record Stored(UUID userId, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    ResetTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, userId, Timestamp.from(createdAt), Timestamp.from(expiresAt)).update();
    }

    /** The token with this hash, without a lock. */
    Optional<Stored> find(byte[] tokenHash) {
        return jdbc.sql("select user_id, expires_at, used_at from password_reset_tokens where token_hash = ?")
                .param(tokenHash).query(ResetTokens::stored).optional();
    }

    /** The token with this hash, locked for the caller's transaction. */
    Optional<Stored> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("select user_id, expires_at, used_at from password_reset_tokens where token_hash = ? for update")
                .param(tokenHash).query(ResetTokens::stored).optional();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject("user_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant());
    }

    /** Uses up every open token of the user. */
    void useAllOf(UUID userId, Instant at) {
        jdbc.sql("update password_reset_tokens set used_at = ? where user_id = ? and used_at is null")
                .params(Timestamp.from(at), userId).update();
    }

    void deleteExpiredBefore(Instant before) {
        jdbc.sql("delete from password_reset_tokens where expires_at < ?").param(Timestamp.from(before)).update();
    }
}
