package dev.portal.order.checkout;

import java.math.BigDecimal;

/**
 * An active entry of the portal price book, as checkout needs it.
 *
 * @param id       the PricebookEntry id
 * @param category {@code internet}, {@code sim} or {@code vpn}
 */
public record PricebookEntry(String id, String productId, String name, String code, String category, BigDecimal unitPrice,
                             String currency) {

    public static final String INTERNET = "internet";

    public boolean internet() {
        return INTERNET.equals(category);
    }
}
