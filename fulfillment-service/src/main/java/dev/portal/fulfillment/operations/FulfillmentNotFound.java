package dev.portal.fulfillment.operations;

import dev.portal.platform.errors.NotFound;

/** No fulfillment was ever started for this order (or it was purged after its retention). */
class FulfillmentNotFound extends NotFound {

    FulfillmentNotFound(String orderId) {
        super("fulfillment-not-found", "Fulfillment not found", "No fulfillment of order " + orderId + " is known here.");
    }
}
