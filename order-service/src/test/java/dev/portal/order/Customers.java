package dev.portal.order;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.sandbox.salesforce.SalesforceIds;
import java.util.UUID;

/**
 * The sandbox's demo customers (docs/sandbox.md) as portal users, with tokens that carry their links. Hanako has a card,
 * an active FTTH and a SIM; Taro has no payment method and no services; Aiko has a bank account, two SIMs and no Internet.
 */
public record Customers(String name, UUID userId, Integer whmcsClientId, String accountId) {

    public static final Customers HANAKO = new Customers("hanako", UUID.fromString("00000000-0000-4000-8000-000000000001"), 1, account(1));
    public static final Customers TARO = new Customers("taro", UUID.fromString("00000000-0000-4000-8000-000000000002"), 2, account(2));
    public static final Customers AIKO = new Customers("aiko", UUID.fromString("00000000-0000-4000-8000-000000000003"), 3, account(3));
    /** A portal user whose account is not linked to a customer yet. */
    public static final Customers NEWCOMER = new Customers("newcomer", UUID.fromString("00000000-0000-4000-8000-000000000009"), null, null);

    /** The Salesforce Account {@code 001Sb000000000nIAA} of the n-th seeded customer. */
    public static String account(int n) {
        return SalesforceIds.to18("001Sb" + String.format("%010d", n));
    }

    /** The same customer as another portal user of the same account (a fresh user id: notifications of earlier tests stay apart). */
    public Customers asNewUser() {
        return new Customers(name, UUID.randomUUID(), whmcsClientId, accountId);
    }

    /** A valid access token of this customer, linked as the record says. */
    public String token(TestTokens tokens) {
        return tokens.token(userId.toString(), claims -> claims
                .claim("whmcs_client_id", whmcsClientId)
                .claim("sf_account_id", accountId));
    }
}
