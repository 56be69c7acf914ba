package dev.portal.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/orders}: what to order from the portal price book, and a note for the shop. The quantity bounds and
 * the number of items are settings ({@code portal.order.*}), checked by {@link PlaceOrder}.
 *
 * @param items the price book entries (18-character Salesforce ids, as the catalogue serves them) and how many of each
 */
public record CheckoutRequest(@NotEmpty List<@NotNull @Valid Item> items, @Size(max = 2000) String note) {

    /** One line of the order. */
    public record Item(
            @NotNull @Pattern(regexp = "[a-zA-Z0-9]{18}", message = "must be an 18-character Salesforce id") String pricebookEntryId,
            @NotNull Integer quantity) {
    }
}
