package dev.portal.identity.account;

import dev.portal.clients.whmcs.ClientUpdate;
import dev.portal.clients.whmcs.WhmcsApiException;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.limits.RateLimits;
import dev.portal.identity.mail.MailRequested;
import dev.portal.identity.profile.ProfileManagement;
import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Changing the login email: asked for with the current password, confirmed by a single-use link mailed to the new
 * address (whoever asks must own it), effective in WHMCS (the client's email, when linked) and then in the portal.
 * The old address is told once the change is made, so an owner who did not ask notices.
 */
@Service
public class EmailChanges {

    private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final Passwords passwords;
    private final RateLimits limits;
    private final EmailChangeRequests requests;
    private final WhmcsClient whmcs;
    private final ProfileManagement profiles;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    EmailChanges(Users users, Passwords passwords, RateLimits limits, EmailChangeRequests requests, WhmcsClient whmcs,
                 ProfileManagement profiles, Outbox outbox, TransactionTemplate transactions, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.limits = limits;
        this.requests = requests;
        this.whmcs = whmcs;
        this.profiles = profiles;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails the confirmation link to {@code newEmail}; nothing changes until it is opened. */
    public void request(UUID userId, String newEmail, String currentPassword) {
        User user = PasswordChanges.verified(users, passwords, limits, userId, currentPassword);
        String email = newEmail.trim();
        if (email.equalsIgnoreCase(user.email())) {
            throw new EmailUnchanged();
        }
        if (users.emailTaken(email)) {
            throw NewEmailTaken.byPortalUser();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Duration ttl = properties.emailChangeTtl();
        String link = UriComponentsBuilder.fromUriString(properties.emailChangeUrl()).queryParam("token", token).build().toUriString();
        MailRequested mail = new MailRequested(UUID.randomUUID(), email, "Confirm your new portal email",
                "Hello " + user.firstName() + ",\n\nto make this address the email of your portal account, open\n\n" + link + "\n\n"
                        + "The link works once, for " + ttl.toHours() + " hours. If you did not ask for this, ignore this mail.\n");
        transactions.executeWithoutResult(status -> {
            requests.insert(hash(token), userId, email, now, now.plus(ttl));
            outbox.publish(Topics.MAIL, mail);
        });
        log.info("email change of user {} requested, confirmation mail {}", userId, mail.messageId());
    }

    /** Makes the change the link's token stands for. */
    public void confirm(String token) {
        byte[] tokenHash = hash(token);
        Instant now = clock.instant();
        EmailChangeRequests.Stored pending = requests.find(tokenHash).filter(stored -> stored.usable(now))
                .orElseThrow(EmailChangeTokenInvalid::new);
        User user = users.find(pending.userId()).orElseThrow(EmailChangeTokenInvalid::new);
        if (users.findByEmail(pending.newEmail()).filter(other -> !other.id().equals(user.id())).isPresent()) {
            throw NewEmailTaken.byPortalUser();
        }
        Optional<IdMapping> mapping = users.mapping(user.id());
        // WHMCS first: it refuses an address another client has, and the portal must not hold an email WHMCS lacks
        mapping.ifPresent(m -> updateWhmcs(m.whmcsClientId(), pending.newEmail()));
        MailRequested notice = new MailRequested(UUID.randomUUID(), user.email(), "Your portal email was changed",
                "Hello " + user.firstName() + ",\n\nthe email of your portal account was just changed to " + masked(pending.newEmail())
                        + ". From now on you log in with it. If this was not you, contact support at once.\n");
        Boolean changed = transactions.execute(status -> {
            Optional<EmailChangeRequests.Stored> locked = requests.findForUpdate(tokenHash);
            if (locked.isEmpty() || !locked.get().usable(now)) {
                return false;
            }
            try {
                users.changeEmail(user.id(), pending.newEmail());
            } catch (DuplicateKeyException raced) {
                throw NewEmailTaken.byPortalUser();
            }
            requests.useAllOf(user.id(), now);
            profiles.emailChanged(user.id());
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new EmailChanged(user.id(), now));
            outbox.publish(Topics.MAIL, notice);
            return true;
        });
        if (!Boolean.TRUE.equals(changed)) {
            throw new EmailChangeTokenInvalid();
        }
        log.info("email of user {} changed", user.id());
    }

    private void updateWhmcs(int clientId, String email) {
        try {
            whmcs.updateClient(ClientUpdate.of(clientId).withEmail(email));
        } catch (WhmcsApiException refused) {
            if (refused.is("Duplicate Email")) {
                throw NewEmailTaken.byWhmcsClient();
            }
            throw refused;
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        requests.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    /** {@code ta***@example.jp}: enough for the owner to recognise, not the whole address in the old mailbox. */
    static String masked(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, Math.min(2, at)) + "***" + email.substring(at);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
