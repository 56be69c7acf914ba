package dev.portal.identity.signup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signup_attempts} table. */
@Repository
public class SignupAttempts {

    private final JdbcClient jdbc;

    public SignupAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String key(String email, String customerNumber) {
        return email.trim().toLowerCase(java.util.Locale.ROOT) + "|" + customerNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public Optional<SignupAttempt> find(String key) {
        return jdbc.sql("select * from signup_attempts where idempotency_key = ?").param(key).query(SignupAttempts::row).optional();
    }

    /** Records that AddClient is about to be sent (or that an earlier attempt's client is reused). */
    public void requested(String key, String email, String customerNumber, String sfAccountId, Instant at) {
        jdbc.sql("insert into signup_attempts (idempotency_key, email, customer_number, sf_account_id, status, attempts, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'WHMCS_REQUESTED', 1, ?, ?)"
                        + " on conflict (idempotency_key) do update set attempts = signup_attempts.attempts + 1,"
                        + " sf_account_id = excluded.sf_account_id, updated_at = excluded.updated_at")
                .params(key, email, customerNumber, sfAccountId, Timestamp.from(at), Timestamp.from(at)).update();
    }

    public void whmcsClient(String key, long whmcsClientId, Instant at) {
        jdbc.sql("update signup_attempts set whmcs_client_id = ?, updated_at = ? where idempotency_key = ?")
                .params(whmcsClientId, Timestamp.from(at), key).update();
    }

    public void userCreated(String key, UUID userId, Instant at) {
        jdbc.sql("update signup_attempts set user_id = ?, status = 'USER_CREATED', updated_at = ? where idempotency_key = ?")
                .params(userId, Timestamp.from(at), key).update();
    }

    public void salesforcePending(String key, String error, Instant at) {
        jdbc.sql("update signup_attempts set status = 'SALESFORCE_PENDING', last_error = ?, updated_at = ? where idempotency_key = ?")
                .params(error, Timestamp.from(at), key).update();
    }

    public void completed(String key, Instant at) {
        jdbc.sql("update signup_attempts set status = 'COMPLETED', last_error = null, updated_at = ? where idempotency_key = ?")
                .params(Timestamp.from(at), key).update();
    }

    /** Attempts whose Salesforce update is still to be made: parked ones, and ones a crash left after the local commit. */
    public List<SignupAttempt> salesforcePending(Instant committedBefore) {
        return jdbc.sql("select * from signup_attempts where status = 'SALESFORCE_PENDING'"
                        + " or (status = 'USER_CREATED' and updated_at < ?) order by updated_at limit 100")
                .param(Timestamp.from(committedBefore)).query(SignupAttempts::row).list();
    }

    public long countSalesforcePending() {
        return jdbc.sql("select count(*) from signup_attempts where status = 'SALESFORCE_PENDING'").query(Long.class).single();
    }

    private static SignupAttempt row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int whmcs = rs.getInt("whmcs_client_id");
        Integer whmcsClientId = rs.wasNull() ? null : whmcs;
        return new SignupAttempt(rs.getString("idempotency_key"), rs.getString("email"), rs.getString("customer_number"),
                rs.getString("sf_account_id"), whmcsClientId, rs.getObject("user_id", UUID.class),
                SignupAttempt.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"));
    }
}
