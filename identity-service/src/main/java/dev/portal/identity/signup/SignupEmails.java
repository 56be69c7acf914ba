package dev.portal.identity.signup;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.mail.MailRequested;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof of the signup email when it is not the address the ownership code went to: a second one-time code, mailed to
 * the signup email. Nothing is created (no WHMCS client, no user) before the email is proven, so a mistyped address
 * costs the customer a new try, not an account nobody can reach.
 */
@Component
class SignupEmails {

    private static final Logger log = LoggerFactory.getLogger(SignupEmails.class);

    private final SignupSubmissions submissions;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    SignupEmails(SignupSubmissions submissions, Outbox outbox, TransactionTemplate transactions, IdentityProperties properties,
                 Clock clock) {
        this.submissions = submissions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails a new code to {@code email} for the signup {@code businessKey}; an earlier one stops working. */
    void sendCode(String businessKey, String email) {
        String code = OneTimeCodes.generate();
        Instant expiresAt = clock.instant().plus(properties.signupCodeTtl());
        MailRequested mail = new MailRequested(UUID.randomUUID(), email, "Confirm your portal email",
                "Hello,\n\nto finish creating your portal account with this email address, enter this code on the signup page:\n\n"
                        + "    " + code + "\n\n"
                        + "It works for " + properties.signupCodeTtl().toMinutes() + " minutes. If you did not sign up, ignore this mail.\n");
        transactions.executeWithoutResult(status -> {
            submissions.newEmailCode(businessKey, OneTimeCodes.hash(businessKey, code), expiresAt);
            outbox.publish(Topics.MAIL, mail);
        });
        log.info("signup email code mail {} requested", mail.messageId());
    }

    /**
     * Submissions of signups nobody finished within 30 days go, password hashes included; a signup asked again later
     * submits anew.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purgeAbandoned() {
        submissions.deleteSubmittedBefore(clock.instant().minus(Duration.ofDays(30)));
    }

    /**
     * Marks the signup's email proven when {@code code} is its current code. The code keeps working (for a retry of a
     * confirmation that failed on the way) until it expires or the user exists; a proven email does not make the code
     * optional.
     *
     * @throws EmailCodeInvalid when no signup waits for a code, or it is wrong (counted), used up or expired
     */
    void verify(String businessKey, String code) {
        Instant now = clock.instant();
        Boolean verified = transactions.execute(status -> {
            Optional<SignupSubmissions.Stored> stored = submissions.findForUpdate(businessKey);
            if (stored.isEmpty()) {
                return false;
            }
            // an email proven earlier still needs its code here: a confirmation is a proof, never a bare "run it"
            SignupSubmissions.Stored pending = stored.get();
            if (pending.emailCodeHash() == null || pending.emailCodeExpiresAt() == null || !pending.emailCodeExpiresAt().isAfter(now)
                    || pending.emailCodeFailures() >= OneTimeCodes.MAX_FAILURES) {
                return false;
            }
            if (!OneTimeCodes.matches(businessKey, code, pending.emailCodeHash())) {
                submissions.recordEmailCodeFailure(businessKey); // committed: the guess counts even though the request fails
                return false;
            }
            if (!pending.emailVerified()) {
                submissions.emailVerified(businessKey, now);
            }
            return true;
        });
        if (!Boolean.TRUE.equals(verified)) {
            throw new EmailCodeInvalid();
        }
    }
}
