package dev.portal.identity.tokens;

import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public SessionRevocations(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /** @return the new session version */
    public int revokeAll(UUID userId, Reason reason) {
        Instant now = clock.instant();
        Integer version = transactions.execute(status -> {
            int next = jdbc.sql("update users set session_version = session_version + 1 where id = ? returning session_version")
                    .param(userId).query(Integer.class).single();
            jdbc.sql("update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                    .params(Timestamp.from(now), userId).update();
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new SessionsRevoked(userId, next, now, reason.wire()));
            return next;
        });
        log.info("sessions of user {} revoked ({}), session version now {}", userId, reason.wire(), version);
        return version;
    }
}
