package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/** {@code /v1/prices}: one-time and recurring prices of a product, with lookup keys unique across prices. */
@Component
class StripePrices {

    static final Set<String> PARAMS = Set.of("currency", "unit_amount", "product", "recurring", "lookup_key",
            "transfer_lookup_key", "metadata", "nickname", "active", "expand", "tax_behavior");

    private final StripeObjects objects;
    private final StripeChanges changes;
    private final StripeIds ids;
    private final StripeEvents events;

    StripePrices(StripeObjects objects, StripeChanges changes, StripeIds ids, StripeEvents events) {
        this.objects = objects;
        this.changes = changes;
        this.ids = ids;
        this.events = events;
    }

    ObjectNode create(StripeParams p, StripeOrigin origin) {
        p.allow(PARAMS);
        String currency = p.required("currency").toLowerCase();
        String productId = p.required("product");
        Long amount = p.integer("unit_amount");
        if (amount == null) {
            throw StripeError.missing("unit_amount");
        }
        Map<String, Object> recurring = p.map("recurring");
        if (recurring != null && !(recurring.get("interval") instanceof String interval && Set.of("day", "week", "month", "year").contains(interval))) {
            throw StripeError.invalid("recurring[interval]", "Invalid recurring[interval]: must be one of day, week, month, or year");
        }
        return changes.apply(origin, () -> {
            objects.find(productId, "product", "product", "product");
            String lookupKey = p.string("lookup_key");
            claimLookupKey(lookupKey, Boolean.TRUE.equals(p.bool("transfer_lookup_key")), null);
            int count = recurring != null && recurring.get("interval_count") instanceof String n ? parseCount(n) : 1;
            ObjectNode price = price(ids.next("price_"), productId, currency, amount, lookupKey,
                    recurring == null ? null : (String) recurring.get("interval"), count, objects.now());
            if (p.string("nickname") != null) {
                price.put("nickname", p.string("nickname"));
            }
            if (p.bool("active") != null) {
                price.put("active", p.bool("active"));
            }
            StripeObjects.metadata(price, p);
            objects.put(price);
            events.emit("price.created", objects.render(price), null, origin);
            return objects.render(price);
        });
    }

    ObjectNode update(String id, StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("metadata", "lookup_key", "transfer_lookup_key", "active", "nickname", "expand"));
        return changes.apply(origin, () -> {
            ObjectNode price = objects.find(id, "price", "price", "id");
            ObjectNode before = objects.render(price);
            if (p.has("lookup_key")) {
                String key = p.string("lookup_key");
                claimLookupKey(key, Boolean.TRUE.equals(p.bool("transfer_lookup_key")), id);
                price.put("lookup_key", key == null || key.isEmpty() ? null : key);
            }
            if (p.bool("active") != null) {
                price.put("active", p.bool("active"));
            }
            if (p.has("nickname")) {
                price.put("nickname", p.string("nickname"));
            }
            StripeObjects.metadata(price, p);
            return changes.updated("price.updated", before, price, origin);
        });
    }

    ObjectNode retrieve(String id, StripeParams p) {
        p.allow(Set.of("expand"));
        return objects.locked(() -> objects.expand(objects.render(objects.find(id, "price", "price", "id")), p));
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("active", "product", "lookup_keys", "type", "currency", "recurring", "limit", "starting_after",
                "ending_before", "expand", "created"));
        Boolean active = p.bool("active");
        String product = p.string("product");
        String type = p.string("type");
        String currency = p.string("currency");
        List<String> lookupKeys = p.strings("lookup_keys");
        return objects.locked(() -> objects.expand(objects.page("/v1/prices", objects.all("price", x -> (active == null || active == x.get("active").asBoolean())
                && (product == null || product.equals(text(x, "product")))
                && (type == null || type.equals(text(x, "type")))
                && (currency == null || currency.equalsIgnoreCase(text(x, "currency")))
                && (lookupKeys.isEmpty() || lookupKeys.contains(text(x, "lookup_key")))), p), p));
    }

    /** A lookup key names one price: taking it from another needs {@code transfer_lookup_key}. */
    private void claimLookupKey(String key, boolean transfer, String ownId) {
        if (key == null || key.isEmpty()) {
            return;
        }
        for (ObjectNode other : objects.all("price", x -> key.equals(text(x, "lookup_key")) && !text(x, "id").equals(ownId))) {
            if (!transfer) {
                throw StripeError.refused("lookup_key", "A price (`" + text(other, "id") + "`) already uses that lookup key.");
            }
            other.putNull("lookup_key");
        }
    }

    private static int parseCount(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw StripeError.invalidInteger("recurring[interval_count]", n);
        }
    }

    /** A price object in the basil shape; {@code interval} null for a one-time price. */
    static ObjectNode price(String id, String productId, String currency, long amount, String lookupKey,
                            String interval, int intervalCount, long created) {
        ObjectNode price = NODES.objectNode();
        price.put("id", id);
        price.put("object", "price");
        price.put("active", true);
        price.put("billing_scheme", "per_unit");
        price.put("created", created);
        price.put("currency", currency);
        price.putNull("custom_unit_amount");
        price.put("livemode", false);
        price.put("lookup_key", lookupKey == null || lookupKey.isEmpty() ? null : lookupKey);
        price.putObject("metadata");
        price.putNull("nickname");
        price.put("product", productId);
        if (interval == null) {
            price.putNull("recurring");
        } else {
            ObjectNode recurring = price.putObject("recurring");
            recurring.put("interval", interval);
            recurring.put("interval_count", intervalCount);
            recurring.putNull("meter");
            recurring.put("usage_type", "licensed");
        }
        price.put("tax_behavior", "unspecified");
        price.putNull("tiers_mode");
        price.putNull("transform_quantity");
        price.put("type", interval == null ? "one_time" : "recurring");
        price.put("unit_amount", amount);
        price.put("unit_amount_decimal", Long.toString(amount));
        return price;
    }
}
