package dev.portal.identity.tokens;

import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Log out everywhere": raises the user's session version (access tokens with an older {@code sv} are rejected),
 * revokes every refresh token and publishes {@link SessionsRevoked}, all in one transaction (the caller's, when
 * it has one, so a password change and its revocation commit together).
 */
@Component
public class SessionRevocations {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);

    /** Why sessions were revoked; the wire value is the event's {@code reason}. */
    public enum Reason {
        PASSWORD_RESET("password-reset"), PASSWORD_CHANGED("password-changed"), USER_REQUEST("user-request"),
        REFRESH_REUSE("refresh-reuse");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock;

    SessionRevocations(Users users, RefreshTokens refreshTokens, TransactionTemplate transactions, Outbox outbox, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the new session version */
    public int revokeAll(UUID userId, Reason reason) {
        Instant now = clock.instant();
        Integer version = transactions.execute(status -> {
            int next = users.nextSessionVersion(userId);
            refreshTokens.revokeAllOf(userId, now);
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new SessionsRevoked(userId, next, now, reason.wire()));
            return next;
        });
        log.info("sessions of user {} revoked ({}), session version now {}", userId, reason.wire(), version);
        return version;
    }
}
