package dev.portal.identity.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A portal user; {@code passwordHash} is an Argon2id encoding.
 *
 * @param sessionVersion raised by every "revoke all sessions"; access tokens carry it as {@code sv}
 */
public record User(UUID id, String email, String passwordHash, String firstName, String lastName, Instant createdAt,
                   Instant passwordChangedAt, int sessionVersion) {

    /** A new user: no session revoked yet. */
    public User(UUID id, String email, String passwordHash, String firstName, String lastName, Instant createdAt,
                Instant passwordChangedAt) {
        this(id, email, passwordHash, firstName, lastName, createdAt, passwordChangedAt, 0);
    }

    /** The same user as of another session version (the one a refresh read under its lock). */
    public User withSessionVersion(int version) {
        return new User(id, email, passwordHash, firstName, lastName, createdAt, passwordChangedAt, version);
    }

    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
