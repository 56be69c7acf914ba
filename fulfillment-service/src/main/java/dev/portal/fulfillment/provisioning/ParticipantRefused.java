package dev.portal.fulfillment.provisioning;

/**
 * An external system understood a call and refused it (WHMCS's error message, Freebit's result code, Salesforce's
 * error code). Not a domain rule by itself: each step decides whether the refusal fails the order, or parks it for a
 * person (a mapping or a setting is wrong). The message is the vendor's and stays in logs and the operator's view.
 */
public class ParticipantRefused extends RuntimeException {

    /** The code of a refusal of the portal's credentials (a setting to fix, never the order's fault). */
    public static final String AUTHENTICATION = "authentication";

    private final String system;
    private final String code;

    public ParticipantRefused(String system, String code, String message) {
        super(system + " refused: " + message);
        this.system = system;
        this.code = code;
    }

    public String system() {
        return system;
    }

    /** The vendor's code of the refusal (Freebit's resultCode, Salesforce's errorCode, WHMCS's message). */
    public String code() {
        return code;
    }
}
