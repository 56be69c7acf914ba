package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/**
 * {@code /v1/subscriptions} in the basil shape (billing periods on the items): create (with trial or as
 * {@code default_incomplete}), retrieve, list by status, update items and cancellation, cancel; and the admin
 * scenarios that move a subscription to a status or to the end of its billing period. Each change emits the
 * events Stripe sends and issues the invoices it issues ({@link StripeInvoices}).
 */
@Component
class StripeSubscriptions {

    static final Set<String> STATUSES = Set.of("incomplete", "incomplete_expired", "trialing", "active", "past_due",
            "canceled", "unpaid", "paused");

    private final StripeObjects objects;
    private final StripeChanges changes;
    private final StripeInvoices invoices;
    private final StripeIds ids;
    private final StripeEvents events;

    StripeSubscriptions(StripeObjects objects, StripeChanges changes, StripeInvoices invoices, StripeIds ids, StripeEvents events) {
        this.objects = objects;
        this.changes = changes;
        this.invoices = invoices;
        this.ids = ids;
        this.events = events;
    }

    ObjectNode create(StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("customer", "items", "metadata", "trial_period_days", "payment_behavior", "cancel_at_period_end",
                "default_payment_method", "collection_method", "description", "proration_behavior", "expand", "off_session"));
        String customerId = p.required("customer");
        List<Object> items = p.list("items");
        if (items.isEmpty()) {
            throw StripeError.missing("items");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("price") instanceof String)) {
                throw StripeError.missing("items[" + i + "][price]");
            }
        }
        Long trialDays = p.integer("trial_period_days");
        return changes.apply(origin, () -> {
            ObjectNode customer = objects.find(customerId, "customer", "customer", "customer");
            String id = ids.next("sub_");
            long now = objects.now();
            long trialEnd = trialDays != null && trialDays > 0 ? now + trialDays * 86_400 : 0;
            ObjectNode sub = subscription(id, customerId, now);
            if (trialEnd > 0) {
                sub.put("status", "trialing");
                sub.put("trial_start", now);
                sub.put("trial_end", trialEnd);
            } else if ("default_incomplete".equals(p.string("payment_behavior"))) {
                sub.put("status", "incomplete");
            }
            ArrayNode data = (ArrayNode) sub.get("items").get("data");
            for (int i = 0; i < items.size(); i++) {
                Map<?, ?> item = (Map<?, ?>) items.get(i);
                ObjectNode price = recurringPrice((String) item.get("price"), "items[" + i + "][price]");
                long end = trialEnd > 0 ? trialEnd : periodEnd(now, price);
                data.add(item(ids.next("si_"), id, price, quantity(item, i), now, end, item.get("metadata")));
                sub.put("currency", text(price, "currency"));
            }
            ((ObjectNode) sub.get("items")).put("total_count", data.size());
            if (p.string("default_payment_method") != null) {
                sub.put("default_payment_method", p.string("default_payment_method"));
            } else {
                sub.set("default_payment_method", customer.get("invoice_settings").get("default_payment_method"));
            }
            if (p.string("collection_method") != null) {
                sub.put("collection_method", p.string("collection_method"));
            }
            if (p.string("description") != null) {
                sub.put("description", p.string("description"));
            }
            if (Boolean.TRUE.equals(p.bool("cancel_at_period_end"))) {
                sub.put("cancel_at_period_end", true);
                sub.put("cancel_at", data.get(0).get("current_period_end").asLong());
            }
            StripeObjects.metadata(sub, p);
            objects.put(sub);
            boolean paid = !"incomplete".equals(text(sub, "status"));
            ObjectNode invoice = invoices.issue(sub, "subscription_create", paid, now, now);
            sub.put("latest_invoice", text(invoice, "id"));
            events.emit("customer.subscription.created", objects.render(sub), null, origin);
            if (paid) {
                // an incomplete subscription's first invoice stays open, awaiting payment: no event for it here
                events.emit("invoice.paid", objects.render(invoice), null, origin);
            }
            return objects.expand(objects.render(sub), p);
        });
    }

    ObjectNode retrieve(String id, StripeParams p) {
        p.allow(Set.of("expand"));
        return objects.locked(() -> objects.expand(objects.render(objects.find(id, "subscription", "subscription", "id")), p));
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("customer", "price", "status", "limit", "starting_after", "ending_before", "expand", "created",
                "collection_method", "current_period_start", "current_period_end"));
        String customer = p.string("customer");
        String price = p.string("price");
        String status = p.string("status");
        if (status != null && !status.equals("all") && !status.equals("ended") && !STATUSES.contains(status)) {
            throw StripeError.invalid("status", "Invalid status: must be one of active, all, canceled, ended, incomplete, "
                    + "incomplete_expired, past_due, paused, trialing, or unpaid");
        }
        Predicate<ObjectNode> byStatus = s -> {
            String actual = text(s, "status");
            if (status == null) {
                return !"canceled".equals(actual) && !"incomplete_expired".equals(actual);
            }
            return switch (status) {
                case "all" -> true;
                case "ended" -> "canceled".equals(actual) || "incomplete_expired".equals(actual);
                default -> status.equals(actual);
            };
        };
        return objects.locked(() -> {
            List<ObjectNode> subs = objects.all("subscription", s -> (customer == null || customer.equals(text(s, "customer")))
                    && byStatus.test(s)
                    && (price == null || itemsOf(s).stream().anyMatch(i -> price.equals(i.get("price").asString()))));
            return objects.expand(objects.page("/v1/subscriptions", subs, p), p);
        });
    }

    ObjectNode update(String id, StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("items", "metadata", "cancel_at_period_end", "default_payment_method", "proration_behavior",
                "description", "payment_behavior", "expand", "collection_method", "off_session"));
        List<Object> items = p.list("items");
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || (item.get("id") == null && item.get("price") == null)) {
                throw StripeError.missing("items[" + i + "][price]");
            }
        }
        Boolean cancelAtPeriodEnd = p.bool("cancel_at_period_end");
        return changes.apply(origin, () -> {
            ObjectNode sub = objects.find(id, "subscription", "subscription", "id");
            boolean onlyMetadata = p.names().stream().allMatch(n -> n.equals("metadata") || n.equals("expand"));
            if ("canceled".equals(text(sub, "status")) && !onlyMetadata) {
                throw StripeError.refused(null, "A canceled subscription can only update its cancellation_details and metadata.");
            }
            ObjectNode before = objects.render(sub);
            ArrayNode data = (ArrayNode) sub.get("items").get("data");
            for (int i = 0; i < items.size(); i++) {
                changeItem(id, data, (Map<?, ?>) items.get(i), i);
            }
            if (data.isEmpty()) {
                throw StripeError.refused("items", "A subscription must have at least one active plan.");
            }
            ((ObjectNode) sub.get("items")).put("total_count", data.size());
            if (cancelAtPeriodEnd != null) {
                sub.put("cancel_at_period_end", cancelAtPeriodEnd);
                if (cancelAtPeriodEnd) {
                    sub.put("cancel_at", data.get(0).get("current_period_end").asLong());
                    ((ObjectNode) sub.get("cancellation_details")).put("reason", "cancellation_requested");
                } else {
                    sub.putNull("cancel_at");
                    ((ObjectNode) sub.get("cancellation_details")).putNull("reason");
                }
            }
            if (p.has("default_payment_method")) {
                sub.put("default_payment_method", p.string("default_payment_method"));
            }
            if (p.has("description")) {
                sub.put("description", p.string("description"));
            }
            StripeObjects.metadata(sub, p);
            return objects.expand(changes.updated("customer.subscription.updated", before, sub, origin), p);
        });
    }

    /** One {@code items[i]} of an update: a new item (price), or an existing one (id) changed or deleted. */
    private void changeItem(String subscriptionId, ArrayNode data, Map<?, ?> change, int i) {
        String itemId = (String) change.get("id");
        if (itemId == null) {
            ObjectNode price = recurringPrice((String) change.get("price"), "items[" + i + "][price]");
            JsonNode first = data.get(0);
            data.add(item(ids.next("si_"), subscriptionId, price, quantity(change, i), objects.now(),
                    first.get("current_period_end").asLong(), change.get("metadata")));
            return;
        }
        ObjectNode item = null;
        int index = -1;
        for (int k = 0; k < data.size(); k++) {
            if (itemId.equals(data.get(k).get("id").asString())) {
                item = (ObjectNode) data.get(k);
                index = k;
            }
        }
        if (item == null) {
            throw StripeError.noSuch("subscription item", itemId, "items[" + i + "][id]");
        }
        if ("true".equals(change.get("deleted"))) {
            data.remove(index);
            return;
        }
        if (change.get("price") instanceof String priceId) {
            item.put("price", text(recurringPrice(priceId, "items[" + i + "][price]"), "id"));
        }
        if (change.get("quantity") != null) {
            item.put("quantity", quantity(change, i));
        }
        if (change.get("metadata") instanceof Map<?, ?> meta) {
            StripeObjects.applyMetadata((ObjectNode) item.get("metadata"), meta);
        }
    }

    ObjectNode cancel(String id, StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("invoice_now", "prorate", "cancellation_details", "expand"));
        return changes.apply(origin, () -> {
            ObjectNode sub = objects.find(id, "subscription", "subscription", "id");
            if ("canceled".equals(text(sub, "status"))) {
                throw StripeError.refused(null, "A canceled subscription can only update its cancellation_details and metadata.");
            }
            end(sub, "cancellation_requested", origin);
            return objects.expand(objects.render(sub), p);
        });
    }

    /** Admin scenario: the subscription moves to {@code status}, with the events Stripe would send. */
    ObjectNode setStatus(String id, String status) {
        if (!STATUSES.contains(status)) {
            throw StripeError.invalid("status", "Unknown subscription status " + status + "; known: " + STATUSES);
        }
        return changes.apply(StripeOrigin.AUTOMATIC, () -> {
            ObjectNode sub = objects.find(id, "subscription", "subscription", "id");
            if ("canceled".equals(text(sub, "status"))) {
                throw StripeError.refused("status", "A canceled subscription cannot change its status.");
            }
            if ("canceled".equals(status)) {
                end(sub, "payment_failed", StripeOrigin.AUTOMATIC);
                return objects.render(sub);
            }
            ObjectNode before = objects.render(sub);
            if ("past_due".equals(status)) {
                long start = itemsOf(sub).getFirst().get("current_period_start").asLong();
                ObjectNode invoice = invoices.issue(sub, "subscription_cycle", false, start, objects.now());
                sub.put("latest_invoice", text(invoice, "id"));
                events.emit("invoice.payment_failed", objects.render(invoice), null, StripeOrigin.AUTOMATIC);
            }
            sub.put("status", status);
            if ("paused".equals(status)) {
                events.emit("customer.subscription.paused", objects.render(sub), null, StripeOrigin.AUTOMATIC);
            } else if ("paused".equals(text(before, "status"))) {
                events.emit("customer.subscription.resumed", objects.render(sub), null, StripeOrigin.AUTOMATIC);
            }
            return changes.updated("customer.subscription.updated", before, sub, StripeOrigin.AUTOMATIC);
        });
    }

    /**
     * Admin scenario: the subscription reaches the end of its billing period. It renews (items move to the next
     * period, a cycle invoice is paid or fails) or, when set to cancel at period end, ends.
     */
    ObjectNode renew(String id, boolean paymentSucceeds) {
        return changes.apply(StripeOrigin.AUTOMATIC, () -> {
            ObjectNode sub = objects.find(id, "subscription", "subscription", "id");
            String status = text(sub, "status");
            if (Set.of("canceled", "incomplete_expired", "paused").contains(status)) {
                throw StripeError.refused("status", "A " + status + " subscription does not renew.");
            }
            if (sub.get("cancel_at_period_end").asBoolean()) {
                end(sub, "cancellation_requested", StripeOrigin.AUTOMATIC);
                return objects.render(sub);
            }
            ObjectNode before = objects.render(sub);
            long start = 0;
            for (JsonNode node : itemsOf(sub)) {
                ObjectNode item = (ObjectNode) node;
                long end = item.get("current_period_end").asLong();
                item.put("current_period_start", end);
                item.put("current_period_end", periodEnd(end, objects.get(item.get("price").asString())));
                start = start == 0 ? end : start;
            }
            ObjectNode invoice = invoices.issue(sub, "subscription_cycle", paymentSucceeds, start, objects.now());
            sub.put("latest_invoice", text(invoice, "id"));
            sub.put("status", paymentSucceeds ? "active" : "past_due");
            events.emit(paymentSucceeds ? "invoice.paid" : "invoice.payment_failed", objects.render(invoice), null, StripeOrigin.AUTOMATIC);
            return changes.updated("customer.subscription.updated", before, sub, StripeOrigin.AUTOMATIC);
        });
    }

    /** Ends the subscription now ({@code customer.subscription.deleted}); call under the lock. */
    void end(ObjectNode sub, String reason, StripeOrigin origin) {
        long now = objects.now();
        sub.put("status", "canceled");
        sub.put("canceled_at", now);
        sub.put("ended_at", now);
        sub.put("cancel_at_period_end", false);
        ((ObjectNode) sub.get("cancellation_details")).put("reason", reason);
        events.emit("customer.subscription.deleted", objects.render(sub), null, origin);
    }

    private ObjectNode recurringPrice(String priceId, String param) {
        ObjectNode price = objects.find(priceId, "price", "price", param);
        if (!"recurring".equals(text(price, "type"))) {
            throw StripeError.refused(param, "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.");
        }
        if (!price.get("active").asBoolean()) {
            throw StripeError.refused(param, "The price specified is inactive. This field only accepts active prices.");
        }
        return price;
    }

    private static long quantity(Map<?, ?> item, int index) {
        Object value = item.get("quantity");
        if (value == null) {
            return 1;
        }
        try {
            return Long.parseLong((String) value);
        } catch (RuntimeException e) {
            throw StripeError.invalidInteger("items[" + index + "][quantity]", String.valueOf(value));
        }
    }

    static List<JsonNode> itemsOf(ObjectNode sub) {
        List<JsonNode> items = new ArrayList<>();
        sub.get("items").get("data").forEach(items::add);
        return items;
    }

    /** The end of the billing period that starts at {@code start} (epoch seconds) for a recurring price. */
    static long periodEnd(long start, ObjectNode price) {
        JsonNode recurring = price == null ? null : price.get("recurring");
        if (recurring == null || recurring.isNull()) {
            return start;
        }
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        int n = recurring.get("interval_count").asInt(1);
        ZonedDateTime to = switch (recurring.get("interval").asString()) {
            case "day" -> from.plusDays(n);
            case "week" -> from.plusWeeks(n);
            case "year" -> from.plusYears(n);
            default -> from.plusMonths(n);
        };
        return to.toEpochSecond();
    }

    /** A subscription object in the basil shape, active, without items. */
    static ObjectNode subscription(String id, String customer, long created) {
        ObjectNode sub = NODES.objectNode();
        sub.put("id", id);
        sub.put("object", "subscription");
        sub.putNull("application");
        sub.putNull("application_fee_percent");
        ObjectNode tax = sub.putObject("automatic_tax");
        tax.putNull("disabled_reason");
        tax.put("enabled", false);
        tax.putNull("liability");
        sub.put("billing_cycle_anchor", created);
        sub.putNull("billing_thresholds");
        sub.putNull("cancel_at");
        sub.put("cancel_at_period_end", false);
        sub.putNull("canceled_at");
        ObjectNode details = sub.putObject("cancellation_details");
        details.putNull("comment");
        details.putNull("feedback");
        details.putNull("reason");
        sub.put("collection_method", "charge_automatically");
        sub.put("created", created);
        sub.put("currency", "jpy");
        sub.put("customer", customer);
        sub.putNull("days_until_due");
        sub.putNull("default_payment_method");
        sub.putNull("default_source");
        sub.putNull("description");
        sub.putArray("discounts");
        sub.putNull("ended_at");
        sub.putObject("invoice_settings").putObject("issuer").put("type", "self");
        ObjectNode items = sub.putObject("items");
        items.put("object", "list");
        items.putArray("data");
        items.put("has_more", false);
        items.put("total_count", 0);
        items.put("url", "/v1/subscription_items?subscription=" + id);
        sub.putNull("latest_invoice");
        sub.put("livemode", false);
        sub.putObject("metadata");
        sub.putNull("next_pending_invoice_item_invoice");
        sub.putNull("pause_collection");
        sub.putNull("pending_update");
        sub.putNull("schedule");
        sub.put("start_date", created);
        sub.put("status", "active");
        sub.putNull("test_clock");
        sub.putNull("trial_end");
        sub.putNull("trial_start");
        return sub;
    }

    /** A subscription item: the price kept as its id (the wire copy carries the price object). */
    static ObjectNode item(String id, String subscription, ObjectNode price, long quantity, long start, long end, Object metadata) {
        ObjectNode item = NODES.objectNode();
        item.put("id", id);
        item.put("object", "subscription_item");
        item.put("created", start);
        item.put("current_period_end", end);
        item.put("current_period_start", start);
        item.putArray("discounts");
        ObjectNode meta = item.putObject("metadata");
        if (metadata instanceof Map<?, ?> m) {
            StripeObjects.applyMetadata(meta, m);
        }
        item.put("price", price.get("id").asString());
        item.put("quantity", quantity);
        item.put("subscription", subscription);
        item.putArray("tax_rates");
        return item;
    }
}
