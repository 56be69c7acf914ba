package dev.portal.identity.users;

import java.util.UUID;

/** A portal user's WHMCS client and Salesforce Account. */
public record IdMapping(UUID userId, int whmcsClientId, String sfAccountId) {
}
