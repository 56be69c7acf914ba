package dev.portal.identity.signup;

import dev.portal.clients.support.ExternalSystemException;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsApiException;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New-customer signup, in the order the business rules give: the checks (portal email, Salesforce Account by
 * customer number, Account not yet linked, email not yet a WHMCS client), then WHMCS AddClient, the user and its id
 * mapping in one transaction with the {@code user-registered} event, then the Salesforce Account update.
 * <p>
 * An attempt is recorded before AddClient is sent. A retry of the same signup (same email and customer number)
 * whose earlier AddClient may have reached WHMCS reuses the client WHMCS has for that email instead of refusing
 * or creating a second one. A Salesforce update that fails after the local commit is parked (row, metric, log,
 * event) and made by {@link SalesforceReconciler}; the signup itself has succeeded.
 */
@Service
public class SignupService {

    private static final Logger log = LoggerFactory.getLogger(SignupService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final Passwords passwords;
    private final SignupAttempts attempts;
    private final SalesforceAccounts accounts;
    private final WhmcsClient whmcs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Counter parked;
    private final Clock clock = Clock.systemUTC();

    public SignupService(Users users, Passwords passwords, SignupAttempts attempts, SalesforceAccounts accounts, WhmcsClient whmcs,
                         Outbox outbox, TransactionTemplate transactions, MeterRegistry meters) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
        this.accounts = accounts;
        this.whmcs = whmcs;
        this.outbox = outbox;
        this.transactions = transactions;
        this.parked = Counter.builder("portal.identity.signup.salesforce.parked")
                .description("signups whose Salesforce Account update failed after the local commit").register(meters);
    }

    public SignupResult signup(SignupRequest request) {
        String email = request.email().trim();
        String customerNumber = request.customerNumber().trim().toUpperCase(Locale.ROOT);
        String key = SignupAttempts.key(email, customerNumber);

        // 1. the email is not a portal user yet
        if (users.emailTaken(email)) {
            throw ProblemException.conflict("email-taken", "This email already has a portal account. Log in instead.");
        }
        // 2. the customer number names a Salesforce Account
        SalesforceAccounts.Account account = accounts.byCustomerNumber(customerNumber).orElseThrow(() ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "customer-not-found", "Customer not found",
                        "No customer has this customer number."));
        // 3. the Account is not linked to a WHMCS client yet
        if (account.whmcsAccount().isPresent()) {
            throw ProblemException.conflict("already-linked",
                    "This customer already has a portal account. Log in, or reset the password.");
        }
        // 4. the email is not a WHMCS client yet, unless an earlier attempt of this same signup created it
        SignupAttempt earlier = attempts.find(key).orElse(null);
        OptionalLong existing = whmcsClientWithEmail(email);
        Long reuse = null;
        if (existing.isPresent()) {
            boolean ours = earlier != null && (earlier.whmcsClientId() != null
                    ? earlier.whmcsClientId() == existing.getAsLong()
                    : earlier.status() == SignupAttempt.Status.WHMCS_REQUESTED);
            if (!ours || users.whmcsClientMapped(existing.getAsLong())) {
                throw ProblemException.conflict("whmcs-email-taken",
                        "This email already belongs to a customer account. Link it instead of signing up.");
            }
            reuse = existing.getAsLong();
            log.info("signup {}: reusing WHMCS client {} created by an earlier attempt", customerNumber, reuse);
        }

        attempts.requested(key, email, customerNumber, account.id(), clock.instant());
        long whmcsClientId = reuse != null ? reuse : whmcs.addClient(new NewClient(request.firstName(), request.lastName(), email,
                request.address().address1(), request.address().address2(), request.address().city(), request.address().state(),
                request.address().postcode(), request.address().country(), request.phone(),
                // WHMCS credentials are not the portal's: the client gets a random password nobody knows
                randomPassword(), null, false));
        attempts.whmcsClient(key, whmcsClientId, clock.instant());

        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), email, passwords.hash(request.password()), request.firstName().trim(),
                request.lastName().trim(), now, now);
        try {
            transactions.executeWithoutResult(status -> {
                users.insert(user);
                users.insertMapping(new IdMapping(user.id(), (int) whmcsClientId, account.id()), now);
                attempts.userCreated(key, user.id(), now);
                outbox.publish(Topics.IDENTITY_USER_EVENTS, new UserRegistered(user.id(), email, user.firstName(),
                        user.lastName(), (int) whmcsClientId, account.id(), now));
            });
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("email-taken", "This email already has a portal account. Log in instead.");
        }

        boolean linked = linkSalesforce(key, user.id(), account.id(), (int) whmcsClientId, now);
        return new SignupResult(user.id(), email, (int) whmcsClientId, account.id(), linked);
    }

    /**
     * Links an existing WHMCS client: the same checks as signup for the portal email and the Account, then WHMCS
     * must accept the client's own password once ({@code ValidateLogin}); the portal password is new and separate.
     */
    public SignupResult link(LinkRequest request) {
        String email = request.email().trim();
        String customerNumber = request.customerNumber().trim().toUpperCase(Locale.ROOT);
        String key = SignupAttempts.key(email, customerNumber);
        if (users.emailTaken(email)) {
            throw ProblemException.conflict("email-taken", "This email already has a portal account. Log in instead.");
        }
        SalesforceAccounts.Account account = accounts.byCustomerNumber(customerNumber).orElseThrow(() ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "customer-not-found", "Customer not found",
                        "No customer has this customer number."));
        if (account.whmcsAccount().isPresent()) {
            throw ProblemException.conflict("already-linked",
                    "This customer already has a portal account. Log in, or reset the password.");
        }
        if (whmcs.validateLogin(email, request.whmcsPassword()).isEmpty()) {
            passwords.matchesNothing(request.password());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                    "The email or the password is wrong.");
        }
        dev.portal.clients.whmcs.ClientDetails client = whmcs.getClientsDetails(ClientLookup.byEmail(email), false).client();
        if (users.whmcsClientMapped(client.id())) {
            throw ProblemException.conflict("already-linked",
                    "This customer already has a portal account. Log in, or reset the password.");
        }

        Instant now = clock.instant();
        String firstName = client.firstname() == null ? "" : client.firstname().trim();
        String lastName = client.lastname() == null ? "" : client.lastname().trim();
        User user = new User(UUID.randomUUID(), email, passwords.hash(request.password()), firstName, lastName, now, now);
        try {
            transactions.executeWithoutResult(status -> {
                users.insert(user);
                users.insertMapping(new IdMapping(user.id(), (int) client.id(), account.id()), now);
                attempts.requested(key, email, customerNumber, account.id(), now);
                attempts.whmcsClient(key, client.id(), now);
                attempts.userCreated(key, user.id(), now);
                outbox.publish(Topics.IDENTITY_USER_EVENTS, new UserRegistered(user.id(), email, firstName, lastName,
                        (int) client.id(), account.id(), now));
                outbox.publish(Topics.IDENTITY_USER_EVENTS, new AccountLinked(user.id(), (int) client.id(), account.id(), now));
            });
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("already-linked", "This customer already has a portal account. Log in instead.");
        }
        boolean linked = linkSalesforce(key, user.id(), account.id(), (int) client.id(), now);
        return new SignupResult(user.id(), email, (int) client.id(), account.id(), linked);
    }

    /** Updates the Account; on failure parks the update for {@link SalesforceReconciler}. */
    boolean linkSalesforce(String key, UUID userId, String accountId, int whmcsClientId, Instant registeredAt) {
        try {
            accounts.markRegistered(accountId, whmcsClientId, registeredAt);
            attempts.completed(key, clock.instant());
            return true;
        } catch (ExternalSystemException e) {
            park(key, userId, accountId, whmcsClientId, e);
            return false;
        }
    }

    private void park(String key, UUID userId, String accountId, int whmcsClientId, ExternalSystemException e) {
        Instant now = clock.instant();
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        transactions.executeWithoutResult(status -> {
            attempts.salesforcePending(key, reason, now);
            outbox.publish(Topics.IDENTITY_USER_EVENTS, new SalesforceLinkParked(userId, accountId, whmcsClientId, reason, now));
        });
        parked.increment();
        log.warn("signup of user {}: Salesforce Account {} update parked for reconciliation: {}", userId, accountId, reason);
    }

    private OptionalLong whmcsClientWithEmail(String email) {
        try {
            return OptionalLong.of(whmcs.getClientsDetails(ClientLookup.byEmail(email), false).client().id());
        } catch (WhmcsApiException e) {
            if (e.is("Client Not Found")) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "!a1";
    }
}
