package dev.portal.platform.saga;

import java.time.Duration;
import java.util.Objects;

/** How an attempt of a step ended. Built with {@link StepContext}'s methods. */
public sealed interface StepOutcome<D> {

    /** The step did its work; {@code data} is the saga data from now on. */
    record Done<D>(D data) implements StepOutcome<D> {

        public Done {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A transient failure: attempt the step again after the back-off (or park it after its last attempt).
     *
     * @param cause the exception behind it, if any, for the caller that started the run (never stored)
     */
    record RetryLater<D>(String reason, RuntimeException cause) implements StepOutcome<D> {

        public RetryLater {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A permanent failure: compensate the completed steps, newest first (a failed compensation fails the saga).
     *
     * @param cause the exception behind it, if any, for the caller that started the run (never stored)
     */
    record Failed<D>(String reason, RuntimeException cause) implements StepOutcome<D> {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Stop now and wait for a person: the saga parks on this step at once (as after its last attempt), publishing the
     * definition's parked event. For a cause no retry can fix and no compensation should answer (a missing mapping,
     * a record in a state the saga does not expect); an operator fixes it and retries.
     */
    record Park<D>(String reason) implements StepOutcome<D> {

        public Park {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Wait until {@code signal} is received ({@link Sagas#signal}), then run the step again; after {@code timeout}
     * (null: never) run it again without the signal ({@link StepContext#timedOut()}).
     */
    record WaitForSignal<D>(String signal, Duration timeout) implements StepOutcome<D> {

        public WaitForSignal {
            Objects.requireNonNull(signal, "signal");
        }
    }
}
