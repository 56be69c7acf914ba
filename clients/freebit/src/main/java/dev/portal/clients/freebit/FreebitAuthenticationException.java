package dev.portal.clients.freebit;

import dev.portal.clients.support.ExternalAuthenticationException;

/**
 * Freebit refused the OEM credentials, or a fresh authKey was refused again: calls cannot succeed until the
 * configuration is fixed. Carries the vendor's {@code resultCode}, {@code status.statusCode} and {@code status.message}.
 */
public class FreebitAuthenticationException extends ExternalAuthenticationException {

    private final String resultCode;
    private final String statusCode;
    private final String vendorMessage;

    public FreebitAuthenticationException(String operation, int httpStatus, String resultCode, String statusCode, String vendorMessage) {
        super(FreebitClient.SYSTEM, operation, httpStatus,
                "authentication refused, resultCode " + resultCode + " (statusCode " + statusCode + "): " + vendorMessage);
        this.resultCode = resultCode;
        this.statusCode = statusCode;
        this.vendorMessage = vendorMessage;
    }

    public String resultCode() {
        return resultCode;
    }

    public String statusCode() {
        return statusCode;
    }

    public String vendorMessage() {
        return vendorMessage;
    }
}
