package dev.portal.identity.signup;

import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the new customer's WHMCS client. WHMCS's AddClient takes no idempotency key, so a repeated attempt (after
 * a timeout, a lost answer or a crash) first looks for the client an earlier attempt of this saga may have created
 * with the customer's email, and reuses it: never two clients for one signup.
 */
@Component
class CreateWhmcsClient implements StepAction<Registration> {

    private static final Logger log = LoggerFactory.getLogger(CreateWhmcsClient.class);

    private final WhmcsCustomers whmcs;

    CreateWhmcsClient(WhmcsCustomers whmcs) {
        this.whmcs = whmcs;
    }

    @Override
    public StepOutcome<Registration> apply(StepContext<Registration> step) {
        Registration registration = step.data();
        if (registration.whmcsClientId() != null) {
            return step.done();
        }
        if (step.isRepeated()) {
            OptionalLong earlier = whmcs.clientIdByEmail(registration.email());
            if (earlier.isPresent()) {
                log.info("signup {}: reusing WHMCS client {} an earlier attempt created", step.instanceId(), earlier.getAsLong());
                return step.done(registration.withWhmcsClient(earlier.getAsLong()));
            }
        }
        long created = whmcs.addClient(registration);
        log.info("signup {}: WHMCS client {} created", step.instanceId(), created);
        return step.done(registration.withWhmcsClient(created));
    }
}
