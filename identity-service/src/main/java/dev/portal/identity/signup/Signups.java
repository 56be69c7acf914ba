package dev.portal.identity.signup;

import dev.portal.identity.users.InvalidCredentials;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.Users;
import dev.portal.platform.errors.DomainException;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaRun;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.Sagas;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * New-customer signup and account linking. The checks refuse synchronously, in the business rules' order, before
 * anything is created: the email is not a portal user, the customer number names a Salesforce Account, the Account
 * is not linked yet, and (signup) the email is not a WHMCS client another signup did not create, or (link) WHMCS
 * accepts the client's own password. Then the saga ({@link SignupSagas}) runs in the request as far as it can: the
 * answer is {@code 201} once the portal user exists, with {@code salesforceLinked} false while the Salesforce update
 * is still being retried. A failure before the user exists is answered as it is (an upstream failure, a race).
 *
 * <p>The saga's business key is the email and customer number: asking again with the same ones continues the
 * earlier attempt (its stored data, its WHMCS client) instead of starting a second one.
 */
@Service
public class Signups {

    private static final Logger log = LoggerFactory.getLogger(Signups.class);

    private final Users users;
    private final Passwords passwords;
    private final SalesforceCustomers salesforce;
    private final WhmcsCustomers whmcs;
    private final Sagas sagas;
    private final SagaDefinition<Registration> signupSaga;
    private final SagaDefinition<Registration> accountLinkSaga;

    Signups(Users users, Passwords passwords, SalesforceCustomers salesforce, WhmcsCustomers whmcs, Sagas sagas,
            @Qualifier("signupSaga") SagaDefinition<Registration> signupSaga,
            @Qualifier("accountLinkSaga") SagaDefinition<Registration> accountLinkSaga) {
        this.users = users;
        this.passwords = passwords;
        this.salesforce = salesforce;
        this.whmcs = whmcs;
        this.sagas = sagas;
        this.signupSaga = signupSaga;
        this.accountLinkSaga = accountLinkSaga;
    }

    /** The saga's business key: the same signup asked again maps to the same instance. */
    static String businessKey(String email, String customerNumber) {
        return email.trim().toLowerCase(Locale.ROOT) + "|" + customerNumber.trim().toUpperCase(Locale.ROOT);
    }

    public SignupResult signup(SignupRequest request) {
        String email = request.email().trim();
        String customerNumber = request.customerNumber().trim().toUpperCase(Locale.ROOT);
        String key = businessKey(email, customerNumber);
        SalesforceCustomers.Account account = customerAccount(email, customerNumber);
        Optional<SagaSnapshot<Registration>> earlier = sagas.find(signupSaga, key)
                .filter(saga -> saga.status() != SagaStatus.COMPENSATED);
        OptionalLong existing = whmcs.clientIdByEmail(email);
        if (existing.isPresent()) {
            if (!createdBy(earlier, existing.getAsLong()) || users.whmcsClientMapped(existing.getAsLong())) {
                throw new WhmcsEmailTaken();
            }
            log.info("signup {}: WHMCS client {} exists from an earlier attempt", earlier.get().id(), existing.getAsLong());
        }

        SagaRun<Registration> run = earlier.isPresent() ? continueEarlier(signupSaga, earlier.get())
                : sagas.start(signupSaga, key, new Registration(UUID.randomUUID(), email, customerNumber, account.id(),
                request.firstName().trim(), request.lastName().trim(), request.phone(), request.address(),
                passwords.hash(request.password()), null, false, null));
        return answer(run, EmailTaken::new);
    }

    /**
     * Links an existing WHMCS client: the same checks as signup for the portal email and the Account, then WHMCS
     * must accept the client's own password once ({@code ValidateLogin}); the portal password is new and separate.
     */
    public SignupResult link(LinkRequest request) {
        String email = request.email().trim();
        String customerNumber = request.customerNumber().trim().toUpperCase(Locale.ROOT);
        SalesforceCustomers.Account account = customerAccount(email, customerNumber);
        WhmcsCustomers.ExistingClient client = whmcs.verifiedClient(email, request.whmcsPassword()).orElseThrow(() -> {
            passwords.matchesNothing(request.password());
            return new InvalidCredentials();
        });
        if (users.whmcsClientMapped(client.id())) {
            throw new AlreadyLinked();
        }

        Registration registration = new Registration(UUID.randomUUID(), email, customerNumber, account.id(), client.firstName(),
                client.lastName(), null, null, passwords.hash(request.password()), null, true, null)
                .withWhmcsClient(client.id());
        SagaRun<Registration> run = sagas.start(accountLinkSaga, businessKey(email, customerNumber), registration);
        if (!run.created()) {
            run = continueEarlier(accountLinkSaga, run.saga());
        }
        return answer(run, AlreadyLinked::new);
    }

    /** The checks signup and linking share, in the business rules' order. */
    private SalesforceCustomers.Account customerAccount(String email, String customerNumber) {
        if (users.emailTaken(email)) {
            throw new EmailTaken();
        }
        SalesforceCustomers.Account account = salesforce.byCustomerNumber(customerNumber).orElseThrow(CustomerNotFound::new);
        if (account.whmcsAccount().isPresent()) {
            throw new AlreadyLinked();
        }
        return account;
    }

    /** Whether the WHMCS client with this email may be the one the earlier attempt of this signup created. */
    private static boolean createdBy(Optional<SagaSnapshot<Registration>> earlier, long clientId) {
        return earlier.map(saga -> saga.data().whmcsClientId() != null
                        ? saga.data().whmcsClientId() == clientId
                        : saga.attempts(SignupSagas.CREATE_WHMCS_CLIENT, Direction.EXECUTE) > 0)
                .orElse(false);
    }

    /** Asking again is a good moment to run an earlier attempt now: a waiting one resumes, a parked one is retried. */
    private SagaRun<Registration> continueEarlier(SagaDefinition<Registration> saga, SagaSnapshot<Registration> earlier) {
        return earlier.status() == SagaStatus.PARKED ? sagas.retry(saga, earlier.id()) : sagas.resume(saga, earlier.id());
    }

    /**
     * {@code 201} once the portal user exists. Before that, the failure that stopped the saga is the answer; with
     * none, another request is running this very signup at this moment, which answers as the race always did.
     */
    private static SignupResult answer(SagaRun<Registration> run, Supplier<DomainException> concurrent) {
        Registration registration = run.data();
        if (run.saga().hasCompleted(SignupSagas.CREATE_PORTAL_USER)) {
            return new SignupResult(registration.userId(), registration.email(), registration.whmcsClientId(),
                    registration.sfAccountId(), run.isCompleted());
        }
        if (run.failure().isPresent()) {
            throw run.failure().get();
        }
        throw concurrent.get();
    }
}
