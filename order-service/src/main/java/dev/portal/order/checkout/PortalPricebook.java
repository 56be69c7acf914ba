package dev.portal.order.checkout;

import java.util.Map;
import java.util.Set;

/** The portal price book, read when an order is placed (implemented over Salesforce). */
public interface PortalPricebook {

    /**
     * The entries among {@code ids} that can be ordered now: active entries of the portal price book whose product is
     * active, shown in the portal and in a category the portal sells. Unknown and inactive ids are left out.
     */
    Map<String, PricebookEntry> orderable(Set<String> ids);

    /** The WHMCS product ids of every product filed under the Internet category, shown in the portal or not. */
    Set<Long> internetProductIds();
}
