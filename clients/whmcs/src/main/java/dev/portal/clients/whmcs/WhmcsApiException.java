package dev.portal.clients.whmcs;

import dev.portal.clients.support.ExternalRejectedException;

/**
 * WHMCS answered {@code {"result":"error","message":…}} (or a {@code warning}): the request was understood and
 * refused, e.g. {@code Client Not Found} or {@code Unable to add order when client status is Closed}.
 */
public class WhmcsApiException extends ExternalRejectedException {

    private final String whmcsMessage;

    public WhmcsApiException(String action, int status, String whmcsMessage) {
        super(WhmcsClient.SYSTEM, action, status, whmcsMessage);
        this.whmcsMessage = whmcsMessage;
    }

    /** WHMCS's own message, verbatim. */
    public String whmcsMessage() {
        return whmcsMessage;
    }

    /** Whether WHMCS's message starts with {@code prefix} (its messages are the only error codes it has). */
    public boolean is(String prefix) {
        return whmcsMessage != null && whmcsMessage.startsWith(prefix);
    }
}
