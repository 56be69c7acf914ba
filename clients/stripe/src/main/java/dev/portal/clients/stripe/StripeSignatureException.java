package dev.portal.clients.stripe;

/**
 * A webhook request whose {@code Stripe-Signature} does not verify: missing or malformed header, no {@code v1}
 * signature matching the endpoint secret, or a timestamp outside the tolerance. Answer it with 400 and ignore it.
 */
public class StripeSignatureException extends RuntimeException {

    public StripeSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
