package dev.portal.identity.signup;

import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the new customer's WHMCS client from the newest submission. WHMCS's AddClient takes no idempotency key, so a
 * repeated attempt (after a timeout, a lost answer or a crash) first looks for the client an earlier attempt of this
 * saga may have created with the customer's email, and reuses it, brought up to the newest submission's contact data:
 * never two clients for one signup.
 */
@Component
class CreateWhmcsClient implements StepAction<Registration> {

    private static final Logger log = LoggerFactory.getLogger(CreateWhmcsClient.class);

    private final WhmcsCustomers whmcs;
    private final Submissions submissions;

    CreateWhmcsClient(WhmcsCustomers whmcs, Submissions submissions) {
        this.whmcs = whmcs;
        this.submissions = submissions;
    }

    @Override
    public StepOutcome<Registration> apply(StepContext<Registration> step) {
        Registration registration = step.data();
        if (registration.whmcsClientId() != null) {
            return step.done();
        }
        Registration newest = submissions.newest(step.businessKey()).map(registration::with).orElse(registration);
        if (step.isRepeated()) {
            OptionalLong earlier = whmcs.clientIdByEmail(registration.email());
            if (earlier.isPresent()) {
                whmcs.updateContact(earlier.getAsLong(), newest);
                log.info("signup {}: reusing WHMCS client {} an earlier attempt created", step.instanceId(), earlier.getAsLong());
                return step.done(registration.withWhmcsClient(earlier.getAsLong()));
            }
        }
        long created = whmcs.addClient(newest);
        log.info("signup {}: WHMCS client {} created", step.instanceId(), created);
        return step.done(registration.withWhmcsClient(created));
    }
}
