package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * Salesforce refused a Bayeux request: the {@code error} of a {@code /meta/*} reply, e.g.
 * {@code 400::The channel you requested to subscribe to doesn't exist {/data/WidgetChangeEvent}}.
 */
public class StreamingRejectedException extends ExternalRejectedException {

    private final String bayeuxChannel;
    private final String error;
    private final int code;

    /** Bayeux refusals travel in successful HTTP answers: {@link #status()} is 200, {@link #code()} the Bayeux code. */
    public StreamingRejectedException(String bayeuxChannel, String error) {
        super("salesforce", "streaming " + bayeuxChannel, 200, error);
        this.bayeuxChannel = bayeuxChannel;
        this.error = error;
        this.code = codeOf(error);
    }

    /** The meta channel that was refused, e.g. {@code /meta/subscribe}. */
    public String bayeuxChannel() {
        return bayeuxChannel;
    }

    /** The error exactly as Salesforce sent it ({@code <code>::<text>}). */
    public String error() {
        return error;
    }

    /** The numeric part before {@code ::}, 0 when the error has none. */
    public int code() {
        return code;
    }

    static int codeOf(String error) {
        if (error == null) {
            return 0;
        }
        int colons = error.indexOf("::");
        try {
            return colons > 0 ? Integer.parseInt(error.substring(0, colons).strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
