package dev.portal.identity.signup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code signup_submissions} table: per business key the newest {@link Submission}, whether the signup email is
 * proven, and the SHA-256 of the code mailed to prove it.
 */
@Repository
class SignupSubmissions implements Submissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A stored submission with its email proof. */
    record Stored(Submission submission, boolean emailVerified, byte[] emailCodeHash, Instant emailCodeExpiresAt,
                  int emailCodeFailures) {
    }

    private final JdbcClient jdbc;

    SignupSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the newest submission of the key; the email stays proven once it was (the key includes the email), and
     * {@code emailProven} proves it now.
     */
    void save(String businessKey, Submission submission, boolean emailProven, Instant at) {
        jdbc.sql("insert into signup_submissions (business_key, data, email_verified_at, submitted_at) values (?, cast(? as jsonb), ?, ?)"
                        + " on conflict (business_key) do update set data = excluded.data, submitted_at = excluded.submitted_at,"
                        + " email_verified_at = coalesce(signup_submissions.email_verified_at, excluded.email_verified_at)")
                .params(businessKey, JSON.writeValueAsString(submission), emailProven ? Timestamp.from(at) : null, Timestamp.from(at))
                .update();
    }

    Optional<Stored> findForUpdate(String businessKey) {
        return jdbc.sql("select data::text, email_verified_at, email_code_hash, email_code_expires_at, email_code_failed_attempts"
                        + " from signup_submissions where business_key = ? for update")
                .param(businessKey)
                .query((rs, n) -> new Stored(JSON.readValue(rs.getString(1), Submission.class), rs.getTimestamp(2) != null,
                        rs.getBytes(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getInt(5)))
                .optional();
    }

    boolean emailVerified(String businessKey) {
        return jdbc.sql("select email_verified_at is not null from signup_submissions where business_key = ?").param(businessKey)
                .query(Boolean.class).optional().orElse(false);
    }

    /** A new email code; an older one stops working. */
    void newEmailCode(String businessKey, byte[] codeHash, Instant expiresAt) {
        jdbc.sql("update signup_submissions set email_code_hash = ?, email_code_expires_at = ?, email_code_failed_attempts = 0"
                        + " where business_key = ?")
                .params(codeHash, Timestamp.from(expiresAt), businessKey).update();
    }

    void recordEmailCodeFailure(String businessKey) {
        jdbc.sql("update signup_submissions set email_code_failed_attempts = email_code_failed_attempts + 1 where business_key = ?")
                .param(businessKey).update();
    }

    void emailVerified(String businessKey, Instant at) {
        jdbc.sql("update signup_submissions set email_verified_at = ? where business_key = ?")
                .params(Timestamp.from(at), businessKey).update();
    }

    @Override
    public Optional<Submission> newest(String businessKey) {
        return jdbc.sql("select data::text from signup_submissions where business_key = ?").param(businessKey)
                .query(String.class).optional().map(json -> JSON.readValue(json, Submission.class));
    }

    @Override
    public void forget(String businessKey) {
        jdbc.sql("delete from signup_submissions where business_key = ?").param(businessKey).update();
    }

    /** Removes submissions made before {@code before}. */
    void deleteSubmittedBefore(Instant before) {
        jdbc.sql("delete from signup_submissions where submitted_at < ?").param(Timestamp.from(before)).update();
    }
}
