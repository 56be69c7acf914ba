package dev.portal.identity.signup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ownership_codes} table: the newest code per customer number, as its SHA-256. */
@Repository
class OwnershipCodes {

    /** A stored code: the Account it proves, the address it went to. */
    record Stored(String sfAccountId, String sentTo, byte[] codeHash, Instant expiresAt, int failedAttempts) {
    }

    private final JdbcClient jdbc;

    OwnershipCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code for the customer number; an older one stops working. */
    void replace(String customerNumber, String sfAccountId, String sentTo, byte[] codeHash, Instant at, Instant expiresAt) {
        jdbc.sql("insert into ownership_codes (customer_number, sf_account_id, sent_to, code_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (customer_number) do update set sf_account_id = excluded.sf_account_id,"
                        + " sent_to = excluded.sent_to, code_hash = excluded.code_hash, created_at = excluded.created_at,"
                        + " expires_at = excluded.expires_at, failed_attempts = 0")
                .params(customerNumber, sfAccountId, sentTo, codeHash, Timestamp.from(at), Timestamp.from(expiresAt)).update();
    }

    /** The customer number's code, locked for the caller's transaction. */
    Optional<Stored> findForUpdate(String customerNumber) {
        return jdbc.sql("select sf_account_id, sent_to, code_hash, expires_at, failed_attempts from ownership_codes"
                        + " where customer_number = ? for update")
                .param(customerNumber)
                .query((rs, n) -> new Stored(rs.getString("sf_account_id").trim(), rs.getString("sent_to"), rs.getBytes("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("failed_attempts")))
                .optional();
    }

    void recordFailure(String customerNumber) {
        jdbc.sql("update ownership_codes set failed_attempts = failed_attempts + 1 where customer_number = ?")
                .param(customerNumber).update();
    }

    /** The customer has a portal user now: the code has done its work. */
    void delete(String customerNumber) {
        jdbc.sql("delete from ownership_codes where customer_number = ?").param(customerNumber).update();
    }

    void deleteExpiredBefore(Instant before) {
        jdbc.sql("delete from ownership_codes where expires_at < ?").param(Timestamp.from(before)).update();
    }
}
