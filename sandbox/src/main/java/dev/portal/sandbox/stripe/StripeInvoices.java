package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/** {@code /v1/invoices}: the finalized invoices a subscription's creation and renewals produce (basil shape). */
@Component
class StripeInvoices {

    private final StripeObjects objects;
    private final StripeIds ids;

    StripeInvoices(StripeObjects objects, StripeIds ids) {
        this.objects = objects;
        this.ids = ids;
    }

    ObjectNode retrieve(String id, StripeParams p) {
        p.allow(Set.of("expand"));
        return objects.locked(() -> objects.expand(objects.render(objects.find(id, "invoice", "invoice", "id")), p));
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("customer", "subscription", "status", "limit", "starting_after", "ending_before", "expand", "created"));
        String customer = p.string("customer");
        String subscription = p.string("subscription");
        String status = p.string("status");
        return objects.locked(() -> objects.expand(objects.page("/v1/invoices", objects.all("invoice", i -> (customer == null || customer.equals(text(i, "customer")))
                && (status == null || status.equals(text(i, "status")))
                && (subscription == null || subscription.equals(i.get("parent").get("subscription_details").get("subscription").asString()))), p), p));
    }

    /** A finalized invoice of the subscription's current items, paid or open, stored (call under the lock). */
    ObjectNode issue(ObjectNode sub, String reason, boolean paid, long periodStart, long created) {
        return issue(ids.next("in_"), sub, reason, paid, periodStart, created);
    }

    /** The same with a fixed id (the seeded invoices). */
    ObjectNode issue(String id, ObjectNode sub, String reason, boolean paid, long periodStart, long created) {
        boolean trial = "trialing".equals(text(sub, "status"));
        ObjectNode customer = objects.get(text(sub, "customer"));
        ObjectNode invoice = NODES.objectNode();
        invoice.put("id", id);
        invoice.put("object", "invoice");
        invoice.put("account_country", "JP");
        long total = 0;
        ArrayNode lines = NODES.arrayNode();
        for (JsonNode item : StripeSubscriptions.itemsOf(sub)) {
            ObjectNode price = objects.get(item.get("price").asString());
            long amount = trial ? 0 : price.get("unit_amount").asLong() * item.get("quantity").asLong();
            total += amount;
            ObjectNode line = lines.addObject();
            line.put("id", ids.next("il_"));
            line.put("object", "line_item");
            line.put("amount", amount);
            line.put("currency", text(price, "currency"));
            line.put("description", item.get("quantity").asLong() + " × " + productName(price));
            line.put("invoice", id);
            line.put("livemode", false);
            line.putObject("metadata");
            ObjectNode parent = line.putObject("parent");
            parent.putNull("invoice_item_details");
            ObjectNode details = parent.putObject("subscription_item_details");
            details.putNull("invoice_item");
            details.put("proration", false);
            details.putObject("proration_details").putNull("credited_items");
            details.put("subscription", text(sub, "id"));
            details.put("subscription_item", item.get("id").asString());
            parent.put("type", "subscription_item_details");
            ObjectNode period = line.putObject("period");
            period.put("end", item.get("current_period_end").asLong());
            period.put("start", item.get("current_period_start").asLong());
            ObjectNode pricing = line.putObject("pricing");
            ObjectNode priceDetails = pricing.putObject("price_details");
            priceDetails.put("price", text(price, "id"));
            priceDetails.put("product", text(price, "product"));
            pricing.put("type", "price_details");
            pricing.put("unit_amount_decimal", text(price, "unit_amount_decimal"));
            line.put("quantity", item.get("quantity").asLong());
        }
        invoice.put("amount_due", total);
        invoice.put("amount_paid", paid ? total : 0);
        invoice.put("amount_remaining", paid ? 0 : total);
        invoice.put("attempt_count", 1);
        invoice.put("attempted", true);
        invoice.put("billing_reason", reason);
        invoice.put("collection_method", text(sub, "collection_method"));
        invoice.put("created", created);
        invoice.put("currency", text(sub, "currency"));
        invoice.put("customer", text(sub, "customer"));
        invoice.put("customer_email", customer == null ? null : text(customer, "email"));
        invoice.put("customer_name", customer == null ? null : text(customer, "name"));
        ObjectNode lineList = invoice.putObject("lines");
        lineList.put("object", "list");
        lineList.set("data", lines);
        lineList.put("has_more", false);
        lineList.put("total_count", lines.size());
        lineList.put("url", "/v1/invoices/" + id + "/lines");
        invoice.put("livemode", false);
        invoice.putObject("metadata");
        ObjectNode parent = invoice.putObject("parent");
        parent.putNull("quote_details");
        ObjectNode details = parent.putObject("subscription_details");
        details.set("metadata", sub.get("metadata").deepCopy());
        details.put("subscription", text(sub, "id"));
        parent.put("type", "subscription_details");
        invoice.put("period_end", periodStart);
        invoice.put("period_start", periodStart);
        invoice.put("status", paid ? "paid" : "open");
        ObjectNode transitions = invoice.putObject("status_transitions");
        transitions.put("finalized_at", created);
        transitions.putNull("marked_uncollectible_at");
        transitions.put("paid_at", paid ? created : null);
        transitions.putNull("voided_at");
        invoice.put("subtotal", total);
        invoice.put("total", total);
        invoice.put("total_excluding_tax", total);
        objects.put(invoice);
        return invoice;
    }

    private String productName(ObjectNode price) {
        ObjectNode product = objects.get(text(price, "product"));
        return product == null ? text(price, "id") : text(product, "name");
    }
}
