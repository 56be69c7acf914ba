package dev.portal.identity.signup;

import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Creates the portal user, its id mapping and its events, with the newest submission's password and names (a retry's
 * win over the first attempt's), and forgets the submission. A local step: it runs in the transaction that records its
 * success, so the user exists exactly when the saga says so. From here on the customer can log in.
 */
@Component
class CreatePortalUser implements StepAction<Registration> {

    private final PortalUsers users;
    private final Submissions submissions;

    CreatePortalUser(PortalUsers users, Submissions submissions) {
        this.users = users;
        this.submissions = submissions;
    }

    @Override
    public StepOutcome<Registration> apply(StepContext<Registration> step) {
        Registration registration = submissions.newest(step.businessKey()).map(step.data()::with).orElse(step.data());
        if (registration.passwordHash() == null) {
            throw new IllegalStateException("signup " + step.instanceId() + " has no password: its submission is gone");
        }
        users.register(registration, step.now());
        submissions.forget(step.businessKey());
        return step.done(registration.registered(step.now()));
    }
}
