package dev.portal.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email_changes} table: pending changes, only the SHA-256 of each link's token kept. */
@Repository
class EmailChangeRequests {

    record Stored(UUID userId, String newEmail, Instant expiresAt, Instant usedAt) {

        boolean usable(Instant now) {
            return usedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    EmailChangeRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] tokenHash, UUID userId, String newEmail, Instant at, Instant expiresAt) {
        jdbc.sql("insert into email_changes (token_hash, user_id, new_email, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(tokenHash, userId, newEmail, Timestamp.from(at), Timestamp.from(expiresAt)).update();
    }

    Optional<Stored> find(byte[] tokenHash) {
        return jdbc.sql("select user_id, new_email, expires_at, used_at from email_changes where token_hash = ?").param(tokenHash)
                .query(EmailChangeRequests::stored).optional();
    }

    Optional<Stored> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("select user_id, new_email, expires_at, used_at from email_changes where token_hash = ? for update").param(tokenHash)
                .query(EmailChangeRequests::stored).optional();
    }

    /** Every open change of the user is used up: one confirmed change ends the others. */
    void useAllOf(UUID userId, Instant at) {
        jdbc.sql("update email_changes set used_at = ? where user_id = ? and used_at is null").params(Timestamp.from(at), userId).update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new Stored(rs.getObject("user_id", UUID.class), rs.getString("new_email"), rs.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant());
    }

    void deleteExpiredBefore(Instant before) {
        jdbc.sql("delete from email_changes where expires_at < ?").param(Timestamp.from(before)).update();
    }
}
