package dev.portal.identity.signup;

import java.util.UUID;

/** A row of {@code signup_attempts}. */
public record SignupAttempt(String idempotencyKey, String email, String customerNumber, String sfAccountId,
                            Integer whmcsClientId, UUID userId, Status status, int attempts, String lastError) {

    public enum Status {
        /** AddClient was (about to be) sent; whether WHMCS created the client is known only once {@code whmcsClientId} is set. */
        WHMCS_REQUESTED,
        /** user and mapping committed; Salesforce not yet updated */
        USER_CREATED,
        /** the Salesforce Account update failed; the reconciliation job retries it */
        SALESFORCE_PENDING,
        COMPLETED
    }
}
