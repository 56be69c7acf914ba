package dev.portal.cases.customer;

import dev.portal.clients.salesforce.SalesforceId;
import dev.portal.platform.security.PortalUser;

/**
 * The caller's Salesforce Account, read from the access token (never from the request).
 *
 * @param userId    the portal user id
 * @param accountId the Account every case read or written for this caller belongs to
 */
record LinkedAccount(String userId, SalesforceId accountId) {

    /** @throws AccountNotLinked when the token carries no Account, or nothing that is a well-formed Account id */
    static LinkedAccount of(PortalUser user) {
        SalesforceId account = user.sfAccountId().flatMap(id -> SalesforceId.parse(id, "001")).orElseThrow(AccountNotLinked::new);
        return new LinkedAccount(user.id(), account);
    }
}
