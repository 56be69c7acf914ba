package dev.portal.notification.feed;

import java.util.UUID;

/**
 * A portal user: the access token's {@code sub}, and the key of the user's notifications on the topic. A UUID is
 * written in its canonical lower-case form, the way producers key their records.
 */
public record UserId(String value) {

    public UserId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a user id must not be blank");
        }
    }

    /** The user a token names, in the form producers key records by. */
    public static UserId of(String subject) {
        try {
            return new UserId(UUID.fromString(subject).toString());
        } catch (IllegalArgumentException notUuid) {
            return new UserId(subject);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
