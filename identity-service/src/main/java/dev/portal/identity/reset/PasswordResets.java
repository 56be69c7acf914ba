package dev.portal.identity.reset;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.mail.MailRequested;
import dev.portal.identity.tokens.SessionRevocations;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
    private final ResetTokens tokens;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(Users users, Passwords passwords, SessionRevocations revocations, Outbox outbox, ResetTokens tokens,
                   TransactionTemplate transactions, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.revocations = revocations;
        this.outbox = outbox;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
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
            tokens.insert(hash(token), user.get().id(), now, expiresAt);
            outbox.publish(Topics.MAIL, mail);
        });
        log.info("password reset mail {} requested for user {}", mail.messageId(), user.get().id());
    }

    /**
     * Sets the new password if the token is valid; {@link ResetTokenInvalid} otherwise. The token is looked up before
     * anything is hashed, so made-up tokens cost a database read, not an Argon2 computation; it is checked again under
     * its lock once the (slow) hash is ready, outside any transaction.
     */
    public void confirm(String token, String newPassword) {
        byte[] tokenHash = hash(token);
        if (tokens.find(tokenHash).filter(stored -> usable(stored, clock.instant())).isEmpty()) {
            throw new ResetTokenInvalid();
        }
        String newHash = passwords.hash(newPassword);
        Instant now = clock.instant();
        UUID userId = transactions.execute(status -> {
            Optional<ResetTokens.Stored> stored = tokens.findForUpdate(tokenHash);
            if (stored.isEmpty() || !usable(stored.get(), now)) {
                return null;
            }
            UUID id = stored.get().userId();
            users.changePassword(id, newHash, now);
            // this token, and any other one still open: a reset link mailed earlier must not undo this reset
            tokens.useAllOf(id, now);
            revocations.revokeAll(id, SessionRevocations.Reason.PASSWORD_RESET);
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new PasswordChanged(id, now, "password-reset"));
            return id;
        });
        if (userId == null) {
            throw new ResetTokenInvalid();
        }
        log.info("password of user {} reset", userId);
    }

    private static boolean usable(ResetTokens.Stored stored, Instant now) {
        return stored.usedAt() == null && stored.expiresAt().isAfter(now);
    }

    /** Reset links mailed earlier stop working (the password was changed another way), in the caller's transaction. */
    public void invalidateOpenLinks(UUID userId, Instant at) {
        tokens.useAllOf(userId, at);
    }

    /** Removes tokens expired for a day; they can no longer be used and only the hash was ever stored. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        tokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
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
