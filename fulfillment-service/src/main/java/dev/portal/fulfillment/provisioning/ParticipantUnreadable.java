package dev.portal.fulfillment.provisioning;

/**
 * An external system answered with something the client could not read (an HTML error page, a truncated body).
 * The outcome of the call is unknown, as after a timeout: the step is retried (and looks before it writes again),
 * never compensated for it.
 */
public class ParticipantUnreadable extends RuntimeException {

    public ParticipantUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
