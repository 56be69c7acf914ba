package dev.portal.cases;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.sandbox.salesforce.SalesforceIds;
import java.util.UUID;

/**
 * The sandbox's demo customers (docs/sandbox.md) as portal users, with tokens that carry their links. Hanako's
 * Account has two seeded cases (one New with a public comment and an internal note, one Closed); Taro's has none.
 */
public record Customers(String name, UUID userId, Integer whmcsClientId, String accountId) {

    public static final Customers HANAKO = new Customers("hanako", UUID.fromString("00000000-0000-4000-8000-000000000001"), 1, account(1));
    public static final Customers TARO = new Customers("taro", UUID.fromString("00000000-0000-4000-8000-000000000002"), 2, account(2));
    /** A portal user whose account is not linked to a customer yet. */
    public static final Customers NEWCOMER = new Customers("newcomer", UUID.fromString("00000000-0000-4000-8000-000000000009"), null, null);

    /** Hanako's seeded cases: New "Router keeps disconnecting" and Closed "Change of billing address". */
    public static final String HANAKOS_OPEN_CASE = SalesforceIds.to18("500Sb0000000001");
    public static final String HANAKOS_CLOSED_CASE = SalesforceIds.to18("500Sb0000000002");

    /** The Salesforce Account {@code 001Sb000000000nIAA} of the n-th seeded customer. */
    public static String account(int n) {
        return SalesforceIds.to18("001Sb" + String.format("%010d", n));
    }

    /** A valid access token of this customer, linked as the record says. */
    public String token(TestTokens tokens) {
        return tokens.token(userId.toString(), claims -> claims
                .claim("whmcs_client_id", whmcsClientId)
                .claim("sf_account_id", accountId));
    }
}
