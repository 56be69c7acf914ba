package dev.portal.platform.events;

import java.util.List;

/**
 * The one place where the suite's topic names and partition counts live (see docs/events.md for keys, types,
 * producers and consumers). Every service declares the whole catalogue at start-up, so a topic exists before
 * its first producer or consumer, with the same partition count everywhere.
 */
public final class Topics {

    /** Salesforce change events, bridged by cdc-bridge; key = record id. */
    public static final Topic SALESFORCE_ORDER = new Topic("salesforce.cdc.order", 6);
    public static final Topic SALESFORCE_ORDER_ITEM = new Topic("salesforce.cdc.order-item", 6);
    public static final Topic SALESFORCE_PRICEBOOK_ENTRY = new Topic("salesforce.cdc.pricebook-entry", 3);
    public static final Topic SALESFORCE_PRODUCT = new Topic("salesforce.cdc.product", 3);
    public static final Topic SALESFORCE_PRICEBOOK = new Topic("salesforce.cdc.pricebook", 1);
    public static final Topic SALESFORCE_CASE = new Topic("salesforce.cdc.case", 3);
    public static final Topic SALESFORCE_ACCOUNT = new Topic("salesforce.cdc.account", 3);

    /** Domain events of the suite's own services, written through their outboxes; key = aggregate id. */
    public static final Topic IDENTITY_USER_EVENTS = new Topic("identity.user.events", 6);
    public static final Topic ORDER_EVENTS = new Topic("orders.order.events", 6);
    public static final Topic FULFILLMENT_EVENTS = new Topic("fulfillment.order.events", 6);
    public static final Topic SIM_EVENTS = new Topic("sim.line.events", 6);
    public static final Topic WISHLIST_EVENTS = new Topic("wishlist.wishlist.events", 6);

    /** What browsers are told over SSE, written by any service; key = portal user id. */
    public static final Topic NOTIFICATIONS = new Topic("portal.notifications", 6);

    /** Outbound mail requests (password reset and the like), sent by identity-service; key = message id. */
    public static final Topic MAIL = new Topic("portal.mail.requests", 3);

    private static final List<Topic> ALL = List.of(
            SALESFORCE_ORDER, SALESFORCE_ORDER_ITEM, SALESFORCE_PRICEBOOK_ENTRY, SALESFORCE_PRODUCT,
            SALESFORCE_PRICEBOOK, SALESFORCE_CASE, SALESFORCE_ACCOUNT,
            IDENTITY_USER_EVENTS, ORDER_EVENTS, FULFILLMENT_EVENTS, SIM_EVENTS, WISHLIST_EVENTS,
            NOTIFICATIONS, MAIL);

    private Topics() {
    }

    public static List<Topic> all() {
        return ALL;
    }
}
