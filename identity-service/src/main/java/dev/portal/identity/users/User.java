package dev.portal.identity.users;

import java.time.Instant;
import java.util.UUID;

/** A portal user; {@code passwordHash} is an Argon2id encoding. */
public record User(UUID id, String email, String passwordHash, String firstName, String lastName, Instant createdAt,
                   Instant passwordChangedAt) {

    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
