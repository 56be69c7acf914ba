package dev.portal.fulfillment.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the fulfillment needs of WHMCS. WHMCS's AddOrder takes no idempotency key: an order carries the Salesforce
 * Order id in a product custom field, so that {@link #findByReference} finds what an earlier attempt placed.
 * Refusals are {@link ParticipantRefused}; unreadable answers {@link ParticipantUnreadable}.
 */
public interface WhmcsOrders {

    /** The gateway of the client's first payment method ({@code paymentmethod} of AddOrder), empty when it has none. */
    Optional<String> paymentGateway(long clientId);

    /** The id of the product's custom field named {@code fieldName}, if it has one. */
    OptionalLong customFieldId(long productId, String fieldName);

    /** The order whose services carry {@code reference} in the custom field {@code fieldName}, if WHMCS has one. */
    Optional<PlacedOrder> findByReference(long clientId, String fieldName, String reference);

    /** AddOrder. Sent once: after an unknown outcome, {@link #findByReference} first. */
    PlacedOrder place(NewOrder order);

    /** The order's status as WHMCS spells it ({@code Pending}, {@code Active}, {@code Cancelled}), empty if unknown. */
    Optional<String> status(long orderId);

    /** AcceptOrder: the services become active. */
    void accept(long orderId);

    /** CancelOrder of a Pending order. */
    void cancel(long orderId);

    /** An order to place: one line per product, each carrying the reference in its field. */
    record NewOrder(long clientId, String paymentGateway, List<NewLine> lines) {
    }

    /**
     * @param domain         the line's {@code domain[]} (the MSISDN of a SIM product), or null
     * @param referenceField the id of the product's reference field
     */
    record NewLine(long productId, int quantity, String domain, long referenceField, String reference) {
    }

    record PlacedOrder(long orderId, List<Long> serviceIds) {
    }
}
