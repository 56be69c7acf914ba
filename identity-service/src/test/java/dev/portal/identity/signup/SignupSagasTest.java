package dev.portal.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.identity.signup.FakeParticipants.Next;
import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaParked;
import dev.portal.platform.saga.SagaRun;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.StepStatus;
import dev.portal.platform.saga.testing.SagaTestKit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every path of the signup and account-link sagas without infrastructure: the happy paths, each step failing
 * transiently and permanently, parking and the operator's retry, and resuming from each state a dead process leaves.
 */
class SignupSagasTest {

    private static final String KEY = "jiro.kobayashi@example.jp|SF-100005";

    private final SagaTestKit kit = SagaTestKit.create(SagaTestKit.properties(5, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    private final FakeParticipants.Whmcs whmcs = new FakeParticipants.Whmcs();
    private final FakeParticipants.Salesforce salesforce = new FakeParticipants.Salesforce();
    private final FakeParticipants.Users users = new FakeParticipants.Users();
    private final FakeParticipants.Submissions submissions = new FakeParticipants.Submissions();
    private final LinkSalesforceAccount linkStep = new LinkSalesforceAccount(salesforce, kit.meters());
    private final SagaDefinition<Registration> signup = SignupSagas.signup(new CreateWhmcsClient(whmcs, submissions),
            new CreatePortalUser(users, submissions),
            linkStep, 3);
    private final SagaDefinition<Registration> accountLink = SignupSagas.accountLink(new CreatePortalUser(users, submissions), linkStep,
            3);

    private static Registration jiro() {
        return new Registration(UUID.randomUUID(), "jiro.kobayashi@example.jp", "SF-100005", "001000000000000005", "Jiro",
                "Kobayashi", "+81-90-1111-2222", new SignupRequest.Address("1-2-3 Shibuya", "Room 101", "Shibuya-ku", "Tokyo",
                "150-0002", "JP"), "$argon2id$hash", null, false, null);
    }

    // ---- happy paths ------------------------------------------------------------------------------------------

    @Test
    void a_signup_creates_the_whmcs_client_then_the_user_then_marks_the_account_registered() {
        Registration jiro = jiro();

        SagaRun<Registration> run = kit.start(signup, KEY, jiro);

        assertThat(run.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.clients).containsOnlyKeys("jiro.kobayashi@example.jp");
        long clientId = whmcs.clients.get("jiro.kobayashi@example.jp");
        assertThat(users.registered.get(jiro.userId()).whmcsClientId()).isEqualTo((int) clientId);
        assertThat(users.registered.get(jiro.userId()).passwordHash()).isEqualTo("$argon2id$hash");
        assertThat(salesforce.marked).containsExactly(new FakeParticipants.Salesforce.Marked("001000000000000005", (int) clientId,
                SagaTestKit.START));
        assertThat(run.data().registeredAt()).isEqualTo(SagaTestKit.START);
        assertThat(run.data().passwordHash()).as("the hash leaves the saga's data once the user exists").isNull();
    }

    @Test
    void an_account_link_creates_the_user_for_the_proven_client_and_marks_the_account_registered() {
        Registration aiko = new Registration(UUID.randomUUID(), "aiko.tanaka@example.jp", "SF-100003", "001000000000000003", "Aiko",
                "Tanaka", null, null, "$argon2id$hash", 3, true, null);

        SagaRun<Registration> run = kit.start(accountLink, "aiko.tanaka@example.jp|SF-100003", aiko);

        assertThat(run.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(users.registered.get(aiko.userId()).existingClient()).isTrue();
        assertThat(whmcs.clients).as("no WHMCS client is created for a link").isEmpty();
        assertThat(salesforce.marked).extracting(FakeParticipants.Salesforce.Marked::whmcsClientId).containsExactly(3);
    }

    // ---- create-whmcs-client ------------------------------------------------------------------------------------

    @Test
    void whmcs_away_answers_the_signup_with_its_failure_and_the_leader_finishes_it_later() {
        whmcs.then(Next.UNAVAILABLE);

        SagaRun<Registration> run = kit.start(signup, KEY, jiro());

        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(run.failure()).containsInstanceOf(FakeParticipants.Failure.class);
        assertThat(run.saga().hasCompleted(SignupSagas.CREATE_PORTAL_USER)).isFalse();

        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(signup, KEY).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.clients).hasSize(1);
    }

    @Test
    void a_lost_addclient_answer_is_followed_by_reusing_the_client_it_created_never_a_second_one() {
        whmcs.then(Next.ANSWER_LOST);
        kit.start(signup, KEY, jiro());
        long created = whmcs.clients.get("jiro.kobayashi@example.jp");

        kit.advance(Duration.ofSeconds(1));

        SagaSnapshot<Registration> after = kit.saga(signup, KEY);
        assertThat(after.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(after.data().whmcsClientId()).isEqualTo((int) created);
        assertThat(whmcs.clients).hasSize(1);
        assertThat(after.attempts(SignupSagas.CREATE_WHMCS_CLIENT, Direction.EXECUTE)).isEqualTo(2);
    }

    @Test
    void whmcs_refusing_the_client_ends_the_signup_compensated_with_nothing_created() {
        whmcs.then(Next.REFUSED);

        SagaRun<Registration> run = kit.start(signup, KEY, jiro());

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(run.failure()).containsInstanceOf(FakeParticipants.Failure.class);
        assertThat(users.registered).isEmpty();
        assertThat(salesforce.marked).isEmpty();
    }

    @Test
    void whmcs_away_for_every_attempt_parks_the_signup_with_the_generic_parked_event() {
        whmcs.staysDown();

        kit.start(signup, KEY, jiro());
        kit.runUntilSettled(Duration.ofHours(1));

        assertThat(kit.saga(signup, KEY).status()).isEqualTo(SagaStatus.PARKED);
        assertThat(kit.events(SagaParked.class)).extracting(SagaParked::step).containsExactly(SignupSagas.CREATE_WHMCS_CLIENT);
        assertThat(kit.events(SalesforceLinkParked.class)).isEmpty();
    }

    // ---- a retry before the user exists -------------------------------------------------------------------------

    @Test
    void a_retry_submitted_while_whmcs_was_away_creates_the_client_and_the_user_with_the_newest_password_and_names() {
        whmcs.then(Next.UNAVAILABLE);
        Registration jiro = jiro();
        kit.start(signup, KEY, jiro);

        submissions.newest.put(KEY, new Submission("Jiro", "Kobayashi-Retry", "+81-90-9999-0000", jiro.address(), "$argon2id$retry"));
        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(signup, KEY).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(users.registered.get(jiro.userId()).passwordHash()).as("the retry's password").isEqualTo("$argon2id$retry");
        assertThat(users.registered.get(jiro.userId()).lastName()).isEqualTo("Kobayashi-Retry");
        assertThat(whmcs.names).containsOnly(java.util.Map.entry(whmcs.clients.get("jiro.kobayashi@example.jp"), "Jiro Kobayashi-Retry"));
        assertThat(submissions.newest).as("the submission and its hash go once the user exists").isEmpty();
    }

    @Test
    void a_retry_after_a_lost_addclient_answer_brings_the_reused_client_to_the_newest_names() {
        whmcs.then(Next.ANSWER_LOST);
        Registration jiro = jiro();
        kit.start(signup, KEY, jiro);
        long created = whmcs.clients.get("jiro.kobayashi@example.jp");

        submissions.newest.put(KEY, new Submission("Jiro", "Kobayashi-Retry", "+81-90-9999-0000", jiro.address(), "$argon2id$retry"));
        kit.advance(Duration.ofSeconds(1));

        assertThat(whmcs.clients).hasSize(1);
        assertThat(whmcs.names.get(created)).isEqualTo("Jiro Kobayashi-Retry");
        assertThat(users.registered.get(jiro.userId()).passwordHash()).isEqualTo("$argon2id$retry");
    }

    // ---- create-portal-user -------------------------------------------------------------------------------------

    @Test
    void an_email_taken_meanwhile_ends_the_signup_compensated_with_email_taken_for_the_caller() {
        users.emails.put("jiro.kobayashi@example.jp", UUID.randomUUID());

        SagaRun<Registration> run = kit.start(signup, KEY, jiro());

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(run.failure()).containsInstanceOf(EmailTaken.class);
        assertThat(salesforce.marked).isEmpty();
        assertThat(whmcs.clients).as("the client stays for the next attempt of this signup to reuse").hasSize(1);
    }

    @Test
    void a_client_linked_meanwhile_ends_the_account_link_with_already_linked() {
        users.emails.put("aiko.tanaka@example.jp", UUID.randomUUID());
        Registration aiko = new Registration(UUID.randomUUID(), "aiko.tanaka@example.jp", "SF-100003", "001000000000000003", "Aiko",
                "Tanaka", null, null, "$argon2id$hash", 3, true, null);

        SagaRun<Registration> run = kit.start(accountLink, "aiko.tanaka@example.jp|SF-100003", aiko);

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(run.failure()).containsInstanceOf(AlreadyLinked.class);
    }

    // ---- link-salesforce-account --------------------------------------------------------------------------------

    @Test
    void salesforce_away_after_the_user_exists_answers_created_and_the_leader_retries_the_update() {
        salesforce.then(Next.UNAVAILABLE);

        SagaRun<Registration> run = kit.start(signup, KEY, jiro());

        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(run.saga().hasCompleted(SignupSagas.CREATE_PORTAL_USER)).as("the customer can log in").isTrue();
        kit.advance(Duration.ofSeconds(1));
        assertThat(kit.saga(signup, KEY).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(salesforce.marked).hasSize(1);
    }

    @Test
    void salesforce_away_for_every_attempt_parks_with_salesforce_link_parked_and_an_operator_retry_finishes() {
        salesforce.staysDown();
        Registration jiro = jiro();

        UUID id = kit.start(signup, KEY, jiro).saga().id();
        kit.runUntilSettled(Duration.ofHours(1));

        SagaSnapshot<Registration> parked = kit.saga(signup, KEY);
        assertThat(parked.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(parked.attempts(SignupSagas.LINK_SALESFORCE_ACCOUNT, Direction.EXECUTE)).isEqualTo(3);
        SalesforceLinkParked event = kit.events(SalesforceLinkParked.class).getFirst();
        assertThat(event.userId()).isEqualTo(jiro.userId());
        assertThat(event.sfAccountId()).isEqualTo("001000000000000005");
        assertThat(event.reason()).contains("salesforce update");
        assertThat(kit.events().getFirst().topic()).isEqualTo(Topics.IDENTITY_USER_EVENTS);
        assertThat(kit.meters().get("portal.identity.signup.salesforce.parked").counter().count()).isEqualTo(1);

        salesforce.recovers();
        assertThat(kit.sagas().retry(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(salesforce.marked).hasSize(1);
    }

    @Test
    void salesforce_refusing_the_update_is_retried_and_parked_never_compensated_the_user_stays() {
        salesforce.then(Next.REFUSED, Next.REFUSED, Next.REFUSED);
        Registration jiro = jiro();

        kit.start(signup, KEY, jiro);
        kit.runUntilSettled(Duration.ofHours(1));

        assertThat(kit.saga(signup, KEY).status()).isEqualTo(SagaStatus.PARKED);
        assertThat(users.registered).containsKey(jiro.userId());
    }

    // ---- resuming after a crash ---------------------------------------------------------------------------------

    @Test
    void a_crash_before_addclient_resumes_with_one_client() {
        whmcs.then(Next.CRASH_BEFORE);

        UUID id = kit.startAndCrash(signup, KEY, jiro());
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.clients).hasSize(1);
    }

    @Test
    void a_crash_after_addclient_resumes_by_reusing_the_client() {
        whmcs.then(Next.CRASH_AFTER);

        UUID id = kit.startAndCrash(signup, KEY, jiro());
        assertThat(kit.timeline(id).entry(SignupSagas.CREATE_WHMCS_CLIENT, Direction.EXECUTE).orElseThrow().status())
                .isEqualTo(StepStatus.STARTED);
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(whmcs.clients).hasSize(1);
        assertThat(kit.saga(signup, KEY).data().whmcsClientId()).isEqualTo(whmcs.clients.get("jiro.kobayashi@example.jp").intValue());
    }

    @Test
    void a_crash_before_the_user_is_committed_resumes_by_creating_it_once() {
        users.then(Next.CRASH_BEFORE);
        Registration jiro = jiro();

        UUID id = kit.startAndCrash(signup, KEY, jiro);
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(users.registered).containsOnlyKeys(jiro.userId());
        assertThat(whmcs.clients).hasSize(1);
    }

    @Test
    void a_crash_before_the_salesforce_update_resumes_with_the_update() {
        salesforce.then(Next.CRASH_BEFORE);

        UUID id = kit.startAndCrash(signup, KEY, jiro());
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(salesforce.marked).hasSize(1);
        assertThat(users.registered).hasSize(1);
    }

    @Test
    void a_crash_after_the_salesforce_update_repeats_it_harmlessly_and_completes() {
        salesforce.then(Next.CRASH_AFTER);

        UUID id = kit.startAndCrash(signup, KEY, jiro());
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(salesforce.marked).as("the update sets the same values twice").hasSize(2);
        assertThat(salesforce.marked.get(1)).isEqualTo(salesforce.marked.get(0));
    }

    @Test
    void a_second_start_of_the_same_signup_runs_nothing_new() {
        kit.start(signup, KEY, jiro());

        SagaRun<Registration> again = kit.start(signup, KEY, jiro());

        assertThat(again.created()).isFalse();
        assertThat(whmcs.clients).hasSize(1);
        assertThat(users.registered).hasSize(1);
    }
}
