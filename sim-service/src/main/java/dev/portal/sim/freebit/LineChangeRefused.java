package dev.portal.sim.freebit;

/**
 * Freebit refused a change, or it was never sent (circuit open, credentials refused): the line is unchanged.
 * {@link #reason()} is safe to show the customer.
 */
public class LineChangeRefused extends RuntimeException {

    private final String reason;

    LineChangeRefused(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
