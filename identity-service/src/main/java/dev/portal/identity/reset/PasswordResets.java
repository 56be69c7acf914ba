package dev.portal.identity.reset;

import dev.portal.identity.IdentityProperties;
import dev.portal.identity.mail.MailRequested;
import dev.portal.identity.tokens.SessionRevocations;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.web.ProblemException;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Password reset by mailed link. A request answers at once, the same for every email: looking the user up, storing
 * the token and writing the mail to the outbox happen afterwards on a virtual thread, so neither the answer nor its
 * timing tells whether the email has an account. The token is 32 random bytes (base64url), stored only as SHA-256,
 * single use, valid {@code portal.identity.password-reset-ttl}. Confirming sets the new hash, uses the token (and
 * every other open token of the user), revokes every session and publishes {@link PasswordChanged}, in one transaction.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final Passwords passwords;
    private final SessionRevocations revocations;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public PasswordResets(Users users, Passwords passwords, SessionRevocations revocations, Outbox outbox, JdbcClient jdbc,
                          TransactionTemplate transactions, IdentityProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.revocations = revocations;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Hands the request off; the caller answers {@code 202} whatever happens next. */
    public void request(String email) {
        String normalized = email.trim();
        background.execute(() -> {
            try {
                issue(normalized);
            } catch (RuntimeException e) {
                log.warn("password reset request could not be handled: {}", e.toString());
            }
        });
    }

    /** Looks the user up and, when there is one, stores a token and requests the mail; unknown emails end here. */
    void issue(String email) {
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            log.info("password reset requested for an email without an account");
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.passwordResetTtl());
        String link = UriComponentsBuilder.fromUriString(properties.passwordResetUrl()).queryParam("token", token).build()
                .toUriString();
        MailRequested mail = new MailRequested(UUID.randomUUID(), user.get().email(), "Reset your portal password",
                "Hello " + user.get().firstName() + ",\n\n"
                        + "someone asked to reset the password of your portal account. To choose a new password, open\n\n"
                        + link + "\n\n"
                        + "The link works once, for " + properties.passwordResetTtl().toMinutes() + " minutes. "
                        + "If you did not ask for this, ignore this mail: your password stays as it is.\n");
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                    .params(hash(token), user.get().id(), Timestamp.from(now), Timestamp.from(expiresAt)).update();
            outbox.publish(Topics.MAIL, mail);
        });
        log.info("password reset mail {} requested for user {}", mail.messageId(), user.get().id());
    }

    /** Sets the new password if the token is valid; {@code 400 reset-token-invalid} otherwise. */
    public void confirm(String token, String newPassword) {
        // hashed before the transaction: Argon2id takes tens of milliseconds, no row should stay locked that long
        String newHash = passwords.hash(newPassword);
        Instant now = clock.instant();
        UUID userId = transactions.execute(status -> {
            record Row(UUID userId, Instant expiresAt, Instant usedAt) {
            }
            Optional<Row> row = jdbc.sql("select user_id, expires_at, used_at from password_reset_tokens where token_hash = ? for update")
                    .param(hash(token))
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                    .optional();
            if (row.isEmpty() || row.get().usedAt() != null || !row.get().expiresAt().isAfter(now)) {
                return null;
            }
            UUID id = row.get().userId();
            users.changePassword(id, newHash, now);
            // this token, and any other one still open: a reset link mailed earlier must not undo this reset
            jdbc.sql("update password_reset_tokens set used_at = ? where user_id = ? and used_at is null")
                    .params(Timestamp.from(now), id).update();
            revocations.revokeAll(id, SessionRevocations.Reason.PASSWORD_RESET);
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new PasswordChanged(id, now, "password-reset"));
            return id;
        });
        if (userId == null) {
            throw ProblemException.badRequest("reset-token-invalid",
                    "This reset link is invalid, used or expired. Ask for a new one.");
        }
        log.info("password of user {} reset", userId);
    }

    /** Removes tokens expired for a day; they can no longer be used and only the hash was ever stored. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("delete from password_reset_tokens where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1)))).update();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
