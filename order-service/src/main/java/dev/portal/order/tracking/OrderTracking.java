package dev.portal.order.tracking;

import dev.portal.order.checkout.CheckoutOwners;
import dev.portal.order.orders.ActivationStatus;
import dev.portal.order.orders.Order;
import dev.portal.order.orders.Orders;
import dev.portal.order.orders.SalesforceOrder;
import dev.portal.order.orders.SalesforceOrderChange;
import dev.portal.order.orders.StepStatus;
import dev.portal.order.orders.TimelineStep;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the local orders current: Salesforce's changes of Orders and OrderItems (the change topics), and
 * fulfillment's reports (steps and status), each relayed to the order's user. Runs inside the consumers' inbox
 * transactions, so a change and its notification commit together, once per event.
 *
 * <p>An order the read model has not seen (made in Salesforce before its change events reached this service, or
 * reported by fulfillment first) is read once from Salesforce with its items. A change this service cannot read is
 * malformed and goes to the dead-letter topic untouched.
 */
@Service
class OrderTracking {

    private static final Logger log = LoggerFactory.getLogger(OrderTracking.class);
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{18}");
    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);

    private final Orders orders;
    private final OrderRecords records;
    private final CheckoutOwners owners;
    private final OrderNotifications notifications;
    private final Clock clock;

    OrderTracking(Orders orders, OrderRecords records, CheckoutOwners owners, OrderNotifications notifications, Clock clock) {
        this.orders = orders;
        this.records = records;
        this.owners = owners;
        this.notifications = notifications;
        this.clock = clock;
    }

    void orderChanged(SalesforceOrderChanged change, EventEnvelope envelope) {
        String id = recordId(envelope);
        String type = changeType(change.changeType(), envelope);
        Instant now = clock.instant();
        Optional<Order> known = orders.findLockedById(id);
        if (type.equals("DELETE")) {
            known.ifPresent(order -> {
                orders.delete(order);
                log.info("order {} deleted in Salesforce: removed", id);
            });
            return;
        }
        if (known.isPresent()) {
            Order order = known.get();
            if (order.apply(changeOf(change.fields()), now)) {
                notifications.statusChanged(order, envelope.time().toInstant());
                log.info("order {} status {} (Salesforce {})", id, order.status(), type);
            }
            if (change.reread()) {
                // a re-read after a gap: changes of its items may have been lost as well
                order.replaceLines(records.lines(id), now);
            }
            orders.save(order);
            return;
        }
        // first sighting: a full record (a creation or a re-read) is taken as it is, anything else is read from Salesforce
        Optional<SalesforceOrder> seen = complete(change.fields(), envelope)
                .map(fromEvent -> fromEvent.withLines(records.lines(id)))
                .or(() -> records.read(id));
        if (seen.isEmpty()) {
            log.info("order {} changed ({}) but Salesforce no longer has it: nothing to keep", id, type);
            return;
        }
        orders.save(discovered(seen.get(), now));
        log.info("order {} of account {} seen in Salesforce ({})", id, seen.get().accountId(), type);
    }

    void orderItemChanged(SalesforceOrderItemChanged change, EventEnvelope envelope) {
        String itemId = recordId(envelope);
        String type = changeType(change.changeType(), envelope);
        Object orderField = change.fields().get("OrderId");
        Optional<String> orderId = orderField instanceof String text && SALESFORCE_ID.matcher(text).matches()
                ? Optional.of(text) : orders.findOrderIdOfItem(itemId);
        Optional<Order> order = orderId.flatMap(orders::findLockedById);
        if (order.isEmpty()) {
            // an order not seen yet reads all its items when it is first seen
            log.debug("item {} ({}) of an order not kept here", itemId, type);
            return;
        }
        if (type.equals("CREATE") && order.get().lines().stream().anyMatch(line -> line.itemId().equals(itemId))) {
            return; // created by this service's own checkout, which recorded it already
        }
        order.get().replaceLines(records.lines(order.get().id()), clock.instant());
        orders.save(order.get());
        log.info("items of order {} re-read after item {} ({})", order.get().id(), itemId, type);
    }

    void stepRecorded(FulfillmentEvent.StepRecorded event) {
        StepStatus status = parse(StepStatus.class, event.status(), event);
        if (event.step() == null || event.step().isBlank() || event.at() == null || event.attempt() < 0) {
            throw new MalformedEventException("step report of order " + event.orderId() + " lacks step, attempt or time");
        }
        Optional<Order> found = orderReportedOn(event.orderId());
        if (found.isEmpty()) {
            return;
        }
        Order order = found.get();
        TimelineStep step = new TimelineStep(event.step(), status, event.attempt(), event.reason(), event.at());
        if (order.recordStep(step, clock.instant())) {
            orders.save(order);
            notifications.stepChanged(order, step);
            log.info("order {} step {} {} (attempt {})", order.id(), step.step(), status, step.attempt());
        }
    }

    void fulfillmentStatusChanged(FulfillmentEvent.OrderStatusChanged event) {
        ActivationStatus status = parse(ActivationStatus.class, event.status(), event);
        if (status == ActivationStatus.NOT_STARTED || event.at() == null) {
            throw new MalformedEventException("status report of order " + event.orderId() + " lacks a fulfillment status or time");
        }
        Optional<Order> found = orderReportedOn(event.orderId());
        if (found.isEmpty()) {
            return;
        }
        Order order = found.get();
        if (order.recordActivation(status, event.reason(), event.at(), clock.instant())) {
            orders.save(order);
            notifications.statusChanged(order, event.at());
            log.info("order {} fulfillment {}", order.id(), status);
        }
    }

    /** The order a fulfillment report is about: kept here, or read from Salesforce now; empty when Salesforce has none. */
    private Optional<Order> orderReportedOn(String orderId) {
        if (orderId == null || !SALESFORCE_ID.matcher(orderId).matches()) {
            throw new MalformedEventException("fulfillment report about " + orderId + ", which is not a Salesforce Order id");
        }
        Optional<Order> known = orders.findLockedById(orderId);
        if (known.isPresent()) {
            return known;
        }
        Optional<SalesforceOrder> seen = records.read(orderId);
        if (seen.isEmpty()) {
            log.warn("fulfillment reported on order {}, which Salesforce does not have: not kept", orderId);
            return Optional.empty();
        }
        return Optional.of(orders.save(discovered(seen.get(), clock.instant())));
    }

    /** An order first seen; when it carries the reference of a checkout still remembered, it is that user's. */
    private Order discovered(SalesforceOrder seen, Instant now) {
        Order order = Order.seen(seen, now);
        if (seen.reference() != null) {
            owners.userOf(seen.reference()).ifPresent(user -> order.placedBy(user, seen.reference(), now));
        }
        return order;
    }

    /** The order a full set of fields describes (a creation, an undeletion or a re-read); empty when fields are missing. */
    private static Optional<SalesforceOrder> complete(Map<String, Object> fields, EventEnvelope envelope) {
        String account = text(fields, "AccountId");
        String status = text(fields, "Status");
        if (account == null || status == null) {
            return Optional.empty();
        }
        Instant created = Optional.ofNullable(datetime(fields, "CreatedDate")).orElse(envelope.time().toInstant());
        String reference = text(fields, "OrderReferenceNumber");
        return Optional.of(new SalesforceOrder(envelope.subject(), account, text(fields, "OrderNumber"), status,
                date(fields, "EffectiveDate"), text(fields, "Description"), created, uuidOrNull(reference), null));
    }

    private static SalesforceOrderChange changeOf(Map<String, Object> fields) {
        return new SalesforceOrderChange(text(fields, "Status"), text(fields, "OrderNumber"), date(fields, "EffectiveDate"),
                text(fields, "Description"));
    }

    private static String recordId(EventEnvelope envelope) {
        if (!SALESFORCE_ID.matcher(envelope.subject()).matches()) {
            throw new MalformedEventException("change " + envelope.id() + " is not about a Salesforce record: " + envelope.subject());
        }
        return envelope.subject();
    }

    private static String changeType(String fromData, EventEnvelope envelope) {
        String type = fromData != null ? fromData : envelope.extension("changetype").orElse(null);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("change " + envelope.id() + " of " + envelope.subject() + " has no change type");
        }
        return type;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, FulfillmentEvent event) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new MalformedEventException("report on order " + event.orderId() + " has an unknown status " + value, unknown);
        }
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> fields, String name) {
        String value = text(fields, name);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("field " + name + " is not a date: " + value, e);
        }
    }

    private static Instant datetime(Map<String, Object> fields, String name) {
        String value = text(fields, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException notSalesforceStyle) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("field " + name + " is not a date and time: " + value, e);
            }
        }
    }

    private static UUID uuidOrNull(String reference) {
        if (reference == null) {
            return null;
        }
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException notAPortalCheckout) {
            return null;
        }
    }
}
