package dev.portal.identity.signup;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.mail.MailRequested;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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

/**
 * Proof that whoever signs up with a customer number owns it (customer numbers are sequential, so knowing one proves
 * nothing): a one-time code mailed to the contact email the Salesforce Account has on file, through the outbox and the
 * mail consumer like every mail. Asking for a code answers at once and the same way for every customer number; the
 * lookup, the code and the mail happen afterwards on a virtual thread, so neither the answer nor its timing tells
 * which numbers exist or have an address on file. No code is sent for an Account that already has a portal user.
 */
@Service
public class OwnershipProofs {

    private static final Logger log = LoggerFactory.getLogger(OwnershipProofs.class);

    /** What a valid code proves: the Account, and the address the code went to (proven as well by whoever read it). */
    record Proof(String sfAccountId, String sentTo) {

        boolean proves(String email) {
            return sentTo.trim().equalsIgnoreCase(email.trim());
        }
    }

    private final SalesforceCustomers salesforce;
    private final Users users;
    private final OwnershipCodes codes;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    OwnershipProofs(SalesforceCustomers salesforce, Users users, OwnershipCodes codes, Outbox outbox, TransactionTemplate transactions,
                    IdentityProperties properties, Clock clock) {
        this.salesforce = salesforce;
        this.users = users;
        this.codes = codes;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Hands the request off; the caller answers {@code 202} whatever happens next. */
    public void requestCode(String customerNumber) {
        String normalized = normalize(customerNumber);
        background.execute(() -> {
            try {
                send(normalized);
            } catch (RuntimeException e) {
                log.warn("ownership code for a customer number could not be sent: {}", e.toString());
            }
        });
    }

    /** Looks the Account up and, when it can be signed up for and has a contact email, mails it a new code. */
    void send(String customerNumber) {
        Optional<SalesforceCustomers.Account> account = salesforce.byCustomerNumber(customerNumber);
        if (account.isEmpty() || account.get().whmcsAccount().isPresent() || users.accountMapped(account.get().id())) {
            log.info("ownership code requested for a customer number without an Account open to signup");
            return;
        }
        Optional<String> contact = salesforce.contactEmails(account.get().id()).stream().findFirst();
        if (contact.isEmpty()) {
            log.info("ownership code requested for Account {}, which has no contact email on file", account.get().id());
            return;
        }
        String code = OneTimeCodes.generate();
        Instant now = clock.instant();
        Duration ttl = properties.signupCodeTtl();
        MailRequested mail = new MailRequested(UUID.randomUUID(), contact.get(), "Your portal signup code",
                "Hello,\n\nsomeone asked to create a portal account for customer number " + customerNumber + ". The code is\n\n"
                        + "    " + code + "\n\n"
                        + "It works for " + ttl.toMinutes() + " minutes. Enter it on the signup page. If you did not ask for it,"
                        + " ignore this mail: without the code nobody can sign up for your customer number.\n");
        transactions.executeWithoutResult(status -> {
            codes.replace(customerNumber, account.get().id(), contact.get(), OneTimeCodes.hash(customerNumber, code), now, now.plus(ttl));
            outbox.publish(Topics.MAIL, mail);
        });
        log.info("ownership code mail {} requested for Account {}", mail.messageId(), account.get().id());
    }

    /**
     * The proof the code gives for the customer number's Account.
     *
     * @throws OwnershipCodeInvalid when no code was sent for it, the code is wrong (counted), used up or expired
     */
    Proof verify(String customerNumber, String sfAccountId, String code) {
        String normalized = normalize(customerNumber);
        Instant now = clock.instant();
        Proof proof = transactions.execute(status -> {
            Optional<OwnershipCodes.Stored> stored = codes.findForUpdate(normalized);
            if (stored.isEmpty() || !stored.get().expiresAt().isAfter(now) || stored.get().failedAttempts() >= OneTimeCodes.MAX_FAILURES
                    || !stored.get().sfAccountId().equals(sfAccountId)) {
                return null;
            }
            if (!OneTimeCodes.matches(normalized, code, stored.get().codeHash())) {
                codes.recordFailure(normalized); // committed: the guess counts even though the request fails
                return null;
            }
            return new Proof(stored.get().sfAccountId(), stored.get().sentTo());
        });
        if (proof == null) {
            log.info("ownership code refused for Account {}", sfAccountId);
            throw new OwnershipCodeInvalid();
        }
        return proof;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        codes.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    static String normalize(String customerNumber) {
        return customerNumber.trim().toUpperCase(Locale.ROOT);
    }
}
