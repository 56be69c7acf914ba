package dev.portal.identity;

import dev.portal.identity.signup.Registration;
import dev.portal.identity.signup.SignupRequest;
import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaInstance;
import dev.portal.platform.saga.SagaInstances;
import dev.portal.platform.saga.SagaStep;
import dev.portal.platform.saga.SagaSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signup saga instances as the engine leaves them at a given point (a lost answer, a dead process), written with the
 * instance's and step log's own transitions, for tests that continue from there.
 */
final class StoredSignups {

    static final String DEAD_PROCESS = "a-process-that-died";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SagaInstances instances;
    private final SagaSteps steps;
    private final TransactionTemplate transactions;

    StoredSignups(SagaInstances instances, SagaSteps steps, TransactionTemplate transactions) {
        this.instances = instances;
        this.steps = steps;
        this.transactions = transactions;
    }

    /** What the signup form sends for Jiro, as the saga stores it (no WHMCS client yet). */
    static Registration jiro(String customerNumber, String email, String sfAccountId, String passwordHash) {
        return new Registration(UUID.randomUUID(), email, customerNumber, sfAccountId, "Jiro", "Kobayashi", "+81-90-1111-2222",
                new SignupRequest.Address("1-2-3 Shibuya", "Room 101", "Shibuya-ku", "Tokyo", "150-0002", "JP"),
                passwordHash, null, false, null);
    }

    static String businessKey(Registration registration) {
        return registration.email().toLowerCase(Locale.ROOT) + "|" + registration.customerNumber();
    }

    /**
     * AddClient was sent and its answer lost (a timeout): the attempt is recorded as failed and the next one is an
     * hour away, so only a caller asking again runs it before then.
     */
    UUID whmcsAnswerLost(Registration registration, Instant now) {
        SagaInstance instance = SagaInstance.start(UUID.randomUUID(), "signup", businessKey(registration), "create-whmcs-client",
                JSON.writeValueAsString(registration), DEAD_PROCESS, now, now.plus(Duration.ofMinutes(2)));
        SagaStep attempt = SagaStep.firstAttempt(UUID.randomUUID(), instance.id(), 0, "create-whmcs-client", Direction.EXECUTE, now);
        String error = "ExternalTimeoutException: whmcs AddClient: no answer within the read timeout";
        attempt.retrying(error, now);
        instance.retryAt(now.plus(Duration.ofHours(1)), "create-whmcs-client: " + error, now);
        return save(instance, attempt);
    }

    /**
     * The process died right after recording that it created the WHMCS client: the instance is running on
     * create-portal-user under a lease that has expired, so the saga leader takes it over.
     */
    UUID diedAfterCreatingTheWhmcsClient(Registration registration, long whmcsClientId, Instant now) {
        Instant then = now.minus(Duration.ofMinutes(10));
        Registration withClient = new Registration(registration.userId(), registration.email(), registration.customerNumber(),
                registration.sfAccountId(), registration.firstName(), registration.lastName(), registration.phone(),
                registration.address(), registration.passwordHash(), Math.toIntExact(whmcsClientId), false, null);
        SagaInstance instance = SagaInstance.start(UUID.randomUUID(), "signup", businessKey(registration), "create-whmcs-client",
                JSON.writeValueAsString(registration), DEAD_PROCESS, then, then.plus(Duration.ofMinutes(2)));
        SagaStep attempt = SagaStep.firstAttempt(UUID.randomUUID(), instance.id(), 0, "create-whmcs-client", Direction.EXECUTE, then);
        attempt.succeeded(then);
        instance.stepSucceeded("create-portal-user", JSON.writeValueAsString(withClient), then);
        return save(instance, attempt);
    }

    private UUID save(SagaInstance instance, SagaStep attempt) {
        transactions.executeWithoutResult(status -> {
            instances.save(instance);
            steps.save(attempt);
        });
        return instance.id();
    }
}
