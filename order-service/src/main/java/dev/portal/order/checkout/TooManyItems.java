package dev.portal.order.checkout;

import dev.portal.platform.errors.InvalidInput;

/** More items than one order may hold. */
final class TooManyItems extends InvalidInput {

    TooManyItems(int max) {
        super("too-many-items", "Too many items", "One order holds at most " + max + " items.");
    }
}
