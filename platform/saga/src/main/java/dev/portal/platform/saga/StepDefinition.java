package dev.portal.platform.saga;

import java.util.Optional;

/**
 * One step of a {@link SagaDefinition}.
 *
 * @param local            whether the action writes only this service's database: it then runs in one transaction
 *                         with the engine's record of its success, so a crash cannot separate the two
 * @param maxAttempts      attempts in one direction before the saga parks on the step; 0 = the engine's default
 * @param compensationName the compensation's own name for listeners ({@link StepChange#name()}), or null to use
 *                         the step's name
 */
public record StepDefinition<D>(String name, StepAction<D> execute, StepAction<D> compensation, boolean local, int maxAttempts,
                                String compensationName) {

    public StepDefinition(String name, StepAction<D> execute, StepAction<D> compensation, boolean local, int maxAttempts) {
        this(name, execute, compensation, local, maxAttempts, null);
    }

    public Optional<StepAction<D>> compensationAction() {
        return Optional.ofNullable(compensation);
    }

    public boolean hasCompensation() {
        return compensation != null;
    }

    /** What runs in {@code direction} is called: the step's name, or its compensation's own name when it has one. */
    public String name(Direction direction) {
        return direction == Direction.COMPENSATE && compensationName != null ? compensationName : name;
    }
}
