package dev.portal.fulfillment.provisioning;

import java.util.Map;

/**
 * What a customer may read about a fulfillment: the engine's reasons carry vendor messages and internals, so only
 * the domain refusals this service raises (their {@code code: message} form) pass through, and every other reason is
 * replaced by a plain sentence for its kind.
 */
public final class CustomerReasons {

    private static final Map<String, String> REFUSALS = Map.of(
            BillingAccountClosed.CODE, new BillingAccountClosed().getMessage(),
            SimActivationRefused.CODE, new SimActivationRefused().getMessage(),
            SimLineCancelled.CODE, new SimLineCancelled().getMessage());

    public static final String FAILED = "The order could not be completed.";
    public static final String RETRYING = "A connected system did not answer; the order is tried again automatically.";
    public static final String NEEDS_ATTENTION = "The order needs a check by our staff; it continues once they are done.";
    public static final String WAITING_FOR_PAYMENT_METHOD = "Waiting for a payment method on your account.";
    public static final String WAITING_FOR_ACTIVATION = "Waiting for the mobile network to finish activating the SIM line.";

    private CustomerReasons() {
    }

    /** The customer's text for a failure whose engine reason is {@code reason}: a refusal's own message, else {@link #FAILED}. */
    public static String failure(String reason) {
        if (reason != null) {
            for (Map.Entry<String, String> refusal : REFUSALS.entrySet()) {
                if (reason.contains(refusal.getKey() + ": ")) {
                    return refusal.getValue();
                }
            }
        }
        return FAILED;
    }
}
