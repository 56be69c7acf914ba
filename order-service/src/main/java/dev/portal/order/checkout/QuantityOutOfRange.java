package dev.portal.order.checkout;

import dev.portal.platform.errors.InvalidInput;
import java.util.List;
import java.util.Map;

/** Items ask for fewer or more units than one order line may hold. */
final class QuantityOutOfRange extends InvalidInput {

    QuantityOutOfRange(List<Map<String, String>> errors) {
        super("quantity-out-of-range", "Quantity out of range", "A quantity is outside what one order line may hold.",
                Map.of("errors", List.copyOf(errors)));
    }
}
