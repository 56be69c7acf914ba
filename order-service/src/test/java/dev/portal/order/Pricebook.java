package dev.portal.order;

import dev.portal.sandbox.salesforce.SalesforceIds;

/** The sandbox's price book entries (docs/sandbox/salesforce.md): the Portal Catalog's and one of the standard price book. */
public final class Pricebook {

    public static final String PORTAL_CATALOG = SalesforceIds.to18("01sSb0000000002");
    public static final String FTTH_1G = entry(101);
    public static final String FTTH_10G = entry(102);
    public static final String SIM_DATA_3GB = entry(103);
    public static final String SIM_VOICE_10GB = entry(104);
    public static final String VPN = entry(107);
    /** Legacy ADSL: in the Portal Catalog, but its product is not shown in the portal. */
    public static final String HIDDEN_ADSL = entry(108);
    /** SIM Data 3GB in the standard price book, not the portal's. */
    public static final String STANDARD_BOOK_SIM = entry(3);

    private Pricebook() {
    }

    private static String entry(int n) {
        return SalesforceIds.to18("01uSb" + String.format("%010d", n));
    }
}
