package dev.portal.identity.signup;

import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Creates the portal user, its id mapping and its events. A local step: it runs in the transaction that records its
 * success, so the user exists exactly when the saga says so. From here on the customer can log in.
 */
@Component
class CreatePortalUser implements StepAction<Registration> {

    private final PortalUsers users;

    CreatePortalUser(PortalUsers users) {
        this.users = users;
    }

    @Override
    public StepOutcome<Registration> apply(StepContext<Registration> step) {
        users.register(step.data(), step.now());
        return step.done(step.data().registered(step.now()));
    }
}
