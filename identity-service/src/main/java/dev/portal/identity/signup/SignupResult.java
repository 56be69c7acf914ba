package dev.portal.identity.signup;

import java.util.UUID;

/**
 * The answer to a signup.
 *
 * @param salesforceLinked false when the Salesforce Account update was parked for the reconciliation job
 */
public record SignupResult(UUID userId, String email, int whmcsClientId, String sfAccountId, boolean salesforceLinked) {
}
