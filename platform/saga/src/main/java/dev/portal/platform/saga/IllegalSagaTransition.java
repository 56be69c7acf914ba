package dev.portal.platform.saga;

/** A saga instance or step was asked to move to a state it cannot reach from where it is: a bug, never input. */
public class IllegalSagaTransition extends IllegalStateException {

    public IllegalSagaTransition(String message) {
        super(message);
    }
}
