package dev.portal.order.checkout;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order to create in Salesforce with its items.
 *
 * @param reference the checkout's id: the order carries it, so that an attempt whose outcome was unknown can be found
 * @param address   the customer's address at this moment (the only time Salesforce receives it)
 */
public record NewOrder(UUID reference, String accountId, String pricebookId, String status, LocalDate effectiveDate,
                       String note, Address address, List<Item> items) {

    public NewOrder {
        items = List.copyOf(items);
    }

    /** One item: the entry it is ordered from and how many. */
    public record Item(PricebookEntry entry, int quantity) {
    }
}
