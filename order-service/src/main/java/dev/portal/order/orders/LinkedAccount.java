package dev.portal.order.orders;

import dev.portal.platform.security.PortalUser;
import java.util.UUID;

/**
 * The caller with the ids of their customer account, read from the access token (never from the request).
 *
 * @param userId        the portal user id
 * @param accountId     the Salesforce Account id
 * @param whmcsClientId the WHMCS client id
 */
public record LinkedAccount(UUID userId, String accountId, long whmcsClientId) {

    /** @throws AccountNotLinked when the token carries no WHMCS client or no Salesforce Account */
    public static LinkedAccount of(PortalUser user) {
        if (user.whmcsClientId().isEmpty() || user.sfAccountId().isEmpty()) {
            throw new AccountNotLinked();
        }
        return new LinkedAccount(UUID.fromString(user.id()), user.sfAccountId().get(), user.whmcsClientId().get());
    }
}
