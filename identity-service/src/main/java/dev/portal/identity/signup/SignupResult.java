package dev.portal.identity.signup;

import java.util.UUID;

/**
 * The answer to a signup.
 *
 * @param salesforceLinked false while the Salesforce Account update is still being retried (or parked)
 */
public record SignupResult(UUID userId, String email, int whmcsClientId, String sfAccountId, boolean salesforceLinked) {
}
