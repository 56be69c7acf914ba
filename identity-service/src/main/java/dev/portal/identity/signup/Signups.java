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
import java.time.Clock;
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
 * has no portal user yet (in Salesforce or in the portal's own mappings), the signup proves it owns the Account (the
 * code mailed to the contact email on file, {@link OwnershipProofs}), and the email is not a WHMCS client another
 * signup did not create; a link instead proves the WHMCS client's own password, and that client must be the Account's
 * (its email is a contact email of the Account). A signup email other than the address on file is proven by a second
 * code ({@link SignupEmails}) before anything is created. Then the saga ({@link SignupSagas}) runs in the request as
 * far as it can: the answer is {@code 201} once the portal user exists, with {@code salesforceLinked} false while the
 * Salesforce update is still being retried. A failure before the user exists is answered as it is.
 *
 * <p>The saga's business key is the email and customer number: asking again with the same ones continues the
 * earlier attempt (its WHMCS client) instead of starting a second one, with the newest submission's password and
 * contact data ({@link Submission}): until the user exists, the retry's data win.
 */
@Service
public class Signups {

    private static final Logger log = LoggerFactory.getLogger(Signups.class);

    private final Users users;
    private final Passwords passwords;
    private final SalesforceCustomers salesforce;
    private final WhmcsCustomers whmcs;
    private final OwnershipProofs ownership;
    private final SignupSubmissions submissions;
    private final SignupEmails emails;
    private final Sagas sagas;
    private final SagaDefinition<Registration> signupSaga;
    private final SagaDefinition<Registration> accountLinkSaga;
    private final Clock clock;

    Signups(Users users, Passwords passwords, SalesforceCustomers salesforce, WhmcsCustomers whmcs, OwnershipProofs ownership,
            SignupSubmissions submissions, SignupEmails emails, Sagas sagas,
            @Qualifier("signupSaga") SagaDefinition<Registration> signupSaga,
            @Qualifier("accountLinkSaga") SagaDefinition<Registration> accountLinkSaga, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.salesforce = salesforce;
        this.whmcs = whmcs;
        this.ownership = ownership;
        this.submissions = submissions;
        this.emails = emails;
        this.sagas = sagas;
        this.signupSaga = signupSaga;
        this.accountLinkSaga = accountLinkSaga;
        this.clock = clock;
    }

    /** The saga's business key: the same signup asked again maps to the same instance. */
    static String businessKey(String email, String customerNumber) {
        return email.trim().toLowerCase(Locale.ROOT) + "|" + customerNumber.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * A new customer's signup.
     *
     * @return the new account, or empty when the signup email still has to be confirmed with the code just mailed to it
     *         ({@link #confirm})
     */
    public Optional<SignupResult> signup(SignupRequest request) {
        String email = request.email().trim();
        String customerNumber = OwnershipProofs.normalize(request.customerNumber());
        String key = businessKey(email, customerNumber);
        SalesforceCustomers.Account account = customerAccount(email, customerNumber);
        OwnershipProofs.Proof proof = ownership.verify(customerNumber, account.id(), request.ownershipCode());
        Optional<SagaSnapshot<Registration>> earlier = activeSignup(key);
        refuseAnotherWhmcsClient(email, earlier);

        Submission submission = new Submission(request.firstName().trim(), request.lastName().trim(), request.phone(),
                request.address(), passwords.hash(request.password()));
        submissions.save(key, submission, proof.proves(email), clock.instant());
        if (!submissions.emailVerified(key)) {
            emails.sendCode(key, email);
            log.info("signup for Account {} waits for its email to be confirmed", account.id());
            return Optional.empty();
        }
        return Optional.of(run(key, email, customerNumber, account, submission, earlier));
    }

    /** The signup email's code: proven, the signup submitted last for this email and customer number goes ahead. */
    public SignupResult confirm(SignupConfirmation confirmation) {
        String email = confirmation.email().trim();
        String customerNumber = OwnershipProofs.normalize(confirmation.customerNumber());
        String key = businessKey(email, customerNumber);
        emails.verify(key, confirmation.emailCode());
        SalesforceCustomers.Account account = customerAccount(email, customerNumber);
        Optional<SagaSnapshot<Registration>> earlier = activeSignup(key);
        refuseAnotherWhmcsClient(email, earlier);
        Submission submission = submissions.newest(key).orElseThrow(EmailCodeInvalid::new);
        return run(key, email, customerNumber, account, submission, earlier);
    }

    /**
     * Links an existing WHMCS client: the same checks as signup for the portal email and the Account, then WHMCS
     * must accept the client's own password once ({@code ValidateLogin}), and the client must be the Account's; the
     * portal password is new and separate.
     */
    public SignupResult link(LinkRequest request) {
        String email = request.email().trim();
        String customerNumber = OwnershipProofs.normalize(request.customerNumber());
        SalesforceCustomers.Account account = customerAccount(email, customerNumber);
        // WHMCS's own check takes the time here, so an unknown client needs no dummy hash to look like a wrong password
        WhmcsCustomers.ExistingClient client = whmcs.verifiedClient(email, request.whmcsPassword()).orElseThrow(InvalidCredentials::new);
        if (users.whmcsClientMapped(client.id())) {
            throw new AlreadyLinked();
        }
        if (salesforce.contactEmails(account.id()).stream().noneMatch(contact -> contact.equalsIgnoreCase(email))) {
            log.info("link of WHMCS client {} to Account {} refused: the client's email is no contact of the Account", client.id(),
                    account.id());
            throw new AccountMismatch();
        }

        String key = businessKey(email, customerNumber);
        submissions.save(key, new Submission(client.firstName(), client.lastName(), null, null, passwords.hash(request.password())),
                true, clock.instant());
        Registration registration = new Registration(UUID.randomUUID(), email, customerNumber, account.id(), client.firstName(),
                client.lastName(), null, null, null, null, true, null).withWhmcsClient(client.id());
        SagaRun<Registration> run = sagas.start(accountLinkSaga, key, registration);
        if (!run.created()) {
            run = continueEarlier(accountLinkSaga, run.saga());
        }
        return answer(run, AlreadyLinked::new);
    }

    private SignupResult run(String key, String email, String customerNumber, SalesforceCustomers.Account account,
                             Submission submission, Optional<SagaSnapshot<Registration>> earlier) {
        SagaRun<Registration> run;
        if (earlier.isPresent()) {
            Registration stored = earlier.get().data();
            if (stored.whmcsClientId() != null && !earlier.get().hasCompleted(SignupSagas.CREATE_PORTAL_USER)) {
                // an earlier attempt created the WHMCS client with its data: the newest submission's win there too
                whmcs.updateContact(stored.whmcsClientId(), stored.with(submission));
            }
            run = continueEarlier(signupSaga, earlier.get());
        } else {
            run = sagas.start(signupSaga, key, new Registration(UUID.randomUUID(), email, customerNumber, account.id(),
                    submission.firstName(), submission.lastName(), submission.phone(), submission.address(), null, null, false, null));
            if (!run.created()) {
                run = continueEarlier(signupSaga, run.saga());
            }
        }
        return answer(run, EmailTaken::new);
    }

    /** The checks signup and linking share, in the business rules' order. */
    private SalesforceCustomers.Account customerAccount(String email, String customerNumber) {
        if (users.emailTaken(email)) {
            throw new EmailTaken();
        }
        SalesforceCustomers.Account account = salesforce.byCustomerNumber(customerNumber).orElseThrow(CustomerNotFound::new);
        if (account.whmcsAccount().isPresent() || users.accountMapped(account.id())) {
            throw new AlreadyLinked();
        }
        return account;
    }

    private Optional<SagaSnapshot<Registration>> activeSignup(String key) {
        return sagas.find(signupSaga, key).filter(saga -> saga.status() != SagaStatus.COMPENSATED);
    }

    /** The email must not be a WHMCS client, unless the earlier attempt of this very signup created it. */
    private void refuseAnotherWhmcsClient(String email, Optional<SagaSnapshot<Registration>> earlier) {
        OptionalLong existing = whmcs.clientIdByEmail(email);
        if (existing.isPresent()) {
            if (!createdBy(earlier, existing.getAsLong()) || users.whmcsClientMapped(existing.getAsLong())) {
                throw new WhmcsEmailTaken();
            }
            log.info("signup {}: WHMCS client {} exists from an earlier attempt", earlier.get().id(), existing.getAsLong());
        }
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
