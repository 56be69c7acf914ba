package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/** {@code /v1/customers}: create, update, retrieve, delete (which ends the customer's subscriptions), list by email. */
@Component
class StripeCustomers {

    static final Set<String> PARAMS = Set.of("email", "name", "phone", "description", "metadata", "address",
            "invoice_settings", "payment_method", "preferred_locales", "expand");

    private final StripeObjects objects;
    private final StripeChanges changes;
    private final StripeSubscriptions subscriptions;
    private final StripeIds ids;
    private final StripeEvents events;

    StripeCustomers(StripeObjects objects, StripeChanges changes, StripeSubscriptions subscriptions, StripeIds ids, StripeEvents events) {
        this.objects = objects;
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.ids = ids;
        this.events = events;
    }

    ObjectNode create(StripeParams p, StripeOrigin origin) {
        p.allow(PARAMS);
        return changes.apply(origin, () -> {
            ObjectNode c = customer(ids.next("cus_"), p.string("email"), p.string("name"), p.string("payment_method"), objects.now());
            apply(c, p);
            objects.put(c);
            events.emit("customer.created", objects.render(c), null, origin);
            return objects.render(c);
        });
    }

    ObjectNode update(String id, StripeParams p, StripeOrigin origin) {
        p.allow(PARAMS);
        return changes.apply(origin, () -> {
            ObjectNode c = objects.find(id, "customer", "customer", "id");
            ObjectNode before = objects.render(c);
            apply(c, p);
            ObjectNode after = objects.render(c);
            ObjectNode previous = StripeObjects.previous(before, after);
            if (!previous.isEmpty()) {
                events.emit("customer.updated", after, previous, origin);
            }
            return after;
        });
    }

    ObjectNode retrieve(String id) {
        return objects.locked(() -> {
            if (objects.isDeleted(id)) {
                return deletedStub(id);
            }
            return objects.render(objects.find(id, "customer", "customer", "id"));
        });
    }

    ObjectNode delete(String id, StripeOrigin origin) {
        return changes.apply(origin, () -> {
            ObjectNode c = objects.find(id, "customer", "customer", "id");
            for (ObjectNode sub : objects.all("subscription", s -> id.equals(text(s, "customer")) && !"canceled".equals(text(s, "status")))) {
                subscriptions.end(sub, "cancellation_requested", origin);
            }
            objects.remove(id);
            objects.deleted(id);
            events.emit("customer.deleted", objects.render(c), null, origin);
            return deletedStub(id);
        });
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("email", "limit", "starting_after", "ending_before", "expand", "created"));
        String email = p.string("email");
        return objects.locked(() -> objects.page("/v1/customers",
                objects.all("customer", c -> email == null || email.equals(text(c, "email"))), p));
    }

    private static void apply(ObjectNode c, StripeParams p) {
        for (String field : List.of("email", "name", "phone", "description")) {
            if (p.has(field)) {
                String value = p.string(field);
                c.put(field, value == null || value.isEmpty() ? null : value);
            }
        }
        Map<String, Object> settingsParam = p.map("invoice_settings");
        if (settingsParam != null && settingsParam.get("default_payment_method") instanceof String pm) {
            ((ObjectNode) c.get("invoice_settings")).put("default_payment_method", pm.isEmpty() ? null : pm);
        }
        Map<String, Object> address = p.map("address");
        if (address != null) {
            ObjectNode a = NODES.objectNode();
            for (String f : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
                a.put(f, address.get(f) instanceof String s ? s : null);
            }
            c.set("address", a);
        }
        StripeObjects.metadata(c, p);
    }

    /** A customer object in the basil shape. */
    static ObjectNode customer(String id, String email, String name, String paymentMethod, long created) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id);
        c.put("object", "customer");
        c.putNull("address");
        c.put("balance", 0);
        c.put("created", created);
        c.putNull("currency");
        c.putNull("default_source");
        c.put("delinquent", false);
        c.putNull("description");
        c.putNull("discount");
        c.put("email", email);
        c.put("invoice_prefix", id.substring(4, Math.min(12, id.length())).toUpperCase());
        ObjectNode invoiceSettings = c.putObject("invoice_settings");
        invoiceSettings.putNull("custom_fields");
        invoiceSettings.put("default_payment_method", paymentMethod);
        invoiceSettings.putNull("footer");
        invoiceSettings.putNull("rendering_options");
        c.put("livemode", false);
        c.putObject("metadata");
        c.put("name", name);
        c.putNull("phone");
        c.putArray("preferred_locales");
        c.putNull("shipping");
        c.put("tax_exempt", "none");
        c.putNull("test_clock");
        return c;
    }

    private static ObjectNode deletedStub(String id) {
        ObjectNode stub = NODES.objectNode();
        stub.put("id", id);
        stub.put("object", "customer");
        stub.put("deleted", true);
        return stub;
    }
}
