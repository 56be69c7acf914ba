package dev.portal.platform.security;

import java.util.Optional;

/**
 * The caller of a request, from the validated access token.
 *
 * @param id the portal user id (the token's {@code sub})
 * @param email the login email
 * @param whmcsClientId the WHMCS client id, when the account is linked
 * @param sfAccountId the Salesforce Account id (18 characters), when the account is linked
 */
public record PortalUser(String id, String email, Optional<Integer> whmcsClientId, Optional<String> sfAccountId) {
}
