package dev.portal.order.checkout;

import dev.portal.platform.errors.InvalidInput;
import java.util.List;
import java.util.Map;

/** Items name entries that are not active entries of the portal price book (unknown, inactive, hidden or elsewhere). */
final class ItemsNotOrderable extends InvalidInput {

    ItemsNotOrderable(List<Map<String, String>> errors) {
        super("item-not-orderable", "Item not orderable",
                errors.size() == 1 ? "One item is not an active entry of the portal price book."
                        : errors.size() + " items are not active entries of the portal price book.",
                Map.of("errors", List.copyOf(errors)));
    }
}
