package dev.portal.platform.saga;

import java.util.Optional;

/**
 * One step of a {@link SagaDefinition}.
 *
 * @param local        whether the action writes only this service's database: it then runs in one transaction
 *                     with the engine's record of its success, so a crash cannot separate the two
 * @param maxAttempts  attempts in one direction before the saga parks on the step; 0 = the engine's default
 */
public record StepDefinition<D>(String name, StepAction<D> execute, StepAction<D> compensation, boolean local, int maxAttempts) {

    public Optional<StepAction<D>> compensationAction() {
        return Optional.ofNullable(compensation);
    }

    public boolean hasCompensation() {
        return compensation != null;
    }
}
