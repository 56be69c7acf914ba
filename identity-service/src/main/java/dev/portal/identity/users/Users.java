package dev.portal.identity.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} and {@code id_mappings} tables. */
@Repository
public class Users {

    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from users where lower(email) = lower(?))").param(email)
                .query(Boolean.class).single();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select * from users where lower(email) = lower(?)").param(email).query(Users::user).optional();
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql("select * from users where id = ?").param(id).query(Users::user).optional();
    }

    public void insert(User user) {
        jdbc.sql("insert into users (id, email, password_hash, first_name, last_name, created_at, password_changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.email(), user.passwordHash(), user.firstName(), user.lastName(),
                        Timestamp.from(user.createdAt()), Timestamp.from(user.passwordChangedAt()))
                .update();
    }

    /** The current session version, empty when the user no longer exists. */
    public Optional<Integer> sessionVersion(UUID id) {
        return jdbc.sql("select session_version from users where id = ?").param(id).query(Integer.class).optional();
    }

    /**
     * The current session version, the user's row locked for the caller's transaction against every other change of
     * it (a revocation raising the version waits, and so does a concurrent refresh); empty when the user is gone.
     */
    public Optional<Integer> lockSessionVersion(UUID id) {
        return jdbc.sql("select session_version from users where id = ? for no key update").param(id).query(Integer.class).optional();
    }

    /** Raises the session version (every token issued before carries a lower one); returns the new version. */
    public int nextSessionVersion(UUID id) {
        return jdbc.sql("update users set session_version = session_version + 1 where id = ? returning session_version")
                .param(id).query(Integer.class).single();
    }

    /** Sets a new password hash; the caller revokes the sessions in the same transaction. */
    public void changePassword(UUID id, String passwordHash, Instant at) {
        jdbc.sql("update users set password_hash = ?, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(at), id).update();
    }

    /** Replaces the login email; the caller has checked it is free (the unique index is the last word). */
    public void changeEmail(UUID id, String email) {
        jdbc.sql("update users set email = ? where id = ?").params(email, id).update();
    }

    /** The portal's copy of the names WHMCS holds; null leaves a name as it is. */
    public void rename(UUID id, String firstName, String lastName) {
        jdbc.sql("update users set first_name = coalesce(?, first_name), last_name = coalesce(?, last_name) where id = ?")
                .params(firstName, lastName, id).update();
    }

    public void insertMapping(IdMapping mapping, Instant at) {
        jdbc.sql("insert into id_mappings (user_id, whmcs_client_id, sf_account_id, created_at) values (?, ?, ?, ?)")
                .params(mapping.userId(), mapping.whmcsClientId(), mapping.sfAccountId(), Timestamp.from(at)).update();
    }

    public Optional<IdMapping> mapping(UUID userId) {
        return jdbc.sql("select user_id, whmcs_client_id, sf_account_id from id_mappings where user_id = ?").param(userId)
                .query((rs, n) -> new IdMapping(rs.getObject("user_id", UUID.class), rs.getInt("whmcs_client_id"),
                        rs.getString("sf_account_id")))
                .optional();
    }

    public boolean whmcsClientMapped(long whmcsClientId) {
        return jdbc.sql("select exists (select 1 from id_mappings where whmcs_client_id = ?)").param(whmcsClientId)
                .query(Boolean.class).single();
    }

    /** Whether a portal user is linked to this Salesforce Account already. */
    public boolean accountMapped(String sfAccountId) {
        return jdbc.sql("select exists (select 1 from id_mappings where sf_account_id = ?)").param(sfAccountId)
                .query(Boolean.class).single();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("password_changed_at").toInstant(), rs.getInt("session_version"));
    }
}
