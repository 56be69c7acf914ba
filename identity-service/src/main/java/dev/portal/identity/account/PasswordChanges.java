package dev.portal.identity.account;

import dev.portal.identity.limits.RateLimits;
import dev.portal.identity.mail.MailRequested;
import dev.portal.identity.reset.PasswordChanged;
import dev.portal.identity.reset.PasswordResets;
import dev.portal.identity.tokens.IssuedTokens;
import dev.portal.identity.tokens.SessionRevocations;
import dev.portal.identity.tokens.Sessions;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.errors.NotAuthenticated;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the password while logged in: the current password proves the person at the keyboard is the owner (a
 * session alone does not), limited per user. The new hash, the end of every session (access tokens included, by the
 * session version), the end of open reset links, {@link PasswordChanged} and a notice to the account's email commit
 * together; the caller then gets a fresh session of its own, so only the other sessions end for them.
 */
@Service
public class PasswordChanges {

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final Users users;
    private final Passwords passwords;
    private final SessionRevocations revocations;
    private final PasswordResets resets;
    private final Sessions sessions;
    private final RateLimits limits;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChanges(Users users, Passwords passwords, SessionRevocations revocations, PasswordResets resets, Sessions sessions,
                    RateLimits limits, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.revocations = revocations;
        this.resets = resets;
        this.sessions = sessions;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the caller's new session; every other one has ended */
    public IssuedTokens change(UUID userId, String currentPassword, String newPassword) {
        User user = verified(users, passwords, limits, userId, currentPassword);
        String newHash = passwords.hash(newPassword);
        Instant now = clock.instant();
        MailRequested notice = new MailRequested(UUID.randomUUID(), user.email(), "Your portal password was changed",
                "Hello " + user.firstName() + ",\n\nthe password of your portal account was just changed, and every other session"
                        + " was logged out. If this was not you, reset your password now and contact support.\n");
        transactions.executeWithoutResult(status -> {
            users.changePassword(userId, newHash, now);
            resets.invalidateOpenLinks(userId, now);
            revocations.revokeAll(userId, SessionRevocations.Reason.PASSWORD_CHANGED);
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new PasswordChanged(userId, now, "password-change"));
            outbox.publish(Topics.MAIL, notice);
        });
        log.info("password of user {} changed; other sessions revoked", userId);
        return sessions.startSession(users.find(userId).orElseThrow(AccountGone::new));
    }

    /** The user, once the limit allowed an attempt and the current password matched. */
    static User verified(Users users, Passwords passwords, RateLimits limits, UUID userId, String currentPassword) {
        limits.acquire(limits.passwordCheckPerUser, userId.toString());
        User user = users.find(userId).orElseThrow(AccountGone::new);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new CurrentPasswordInvalid();
        }
        return user;
    }

    /** A valid token whose user no longer exists. */
    static class AccountGone extends NotAuthenticated {

        AccountGone() {
            super("unauthenticated", "Unauthenticated", "The account of this token no longer exists.");
        }
    }
}
