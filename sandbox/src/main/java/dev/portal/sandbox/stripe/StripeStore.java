package dev.portal.sandbox.stripe;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The simulated Stripe account: customers, products, prices, entitlement features, subscriptions (basil shape:
 * billing periods on the items) and their invoices, in memory, seeded from {@code docs/sandbox/stripe.md}. Every
 * change that Stripe reports as an event is emitted through {@link StripeEvents}. One lock guards everything.
 */
@Component
@EnableConfigurationProperties(StripeSettings.class)
class StripeStore {

    static final Set<String> STATUSES = Set.of("incomplete", "incomplete_expired", "trialing", "active", "past_due",
            "canceled", "unpaid", "paused");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StripeSettings settings;
    private final StripeIds ids;
    private final StripeEvents events;
    private final Clock clock;
    private final Object lock = new Object();
    /** Every object by id, oldest first. */
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    /** Product id to its attached features ({@code product_feature}, {@code entitlement_feature} kept as an id). */
    private final Map<String, List<ObjectNode>> productFeatures = new HashMap<>();
    /** Ids of deleted customers: retrieving one answers {@code deleted:true}. */
    private final Set<String> deletedCustomers = new LinkedHashSet<>();
    /** Stable active-entitlement ids per customer and feature. */
    private final Map<String, String> entitlementIds = new HashMap<>();

    StripeStore(StripeSettings settings, StripeIds ids, StripeEvents events, ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.ids = ids;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        reset();
    }

    /** Back to the seed; events, deliveries and run-time webhook endpoints are forgotten. */
    void reset() {
        synchronized (lock) {
            objects.clear();
            productFeatures.clear();
            deletedCustomers.clear();
            entitlementIds.clear();
            events.reset();
            seed();
        }
    }

    // ---------------------------------------------------------------- customers

    static final Set<String> CUSTOMER_PARAMS = Set.of("email", "name", "phone", "description", "metadata", "address",
            "invoice_settings", "payment_method", "preferred_locales", "expand");

    ObjectNode createCustomer(FormParams p, Origin origin) {
        p.allow(CUSTOMER_PARAMS);
        return change(origin, () -> {
            ObjectNode c = customer(ids.next("cus_"), p.string("email"), p.string("name"), p.string("payment_method"));
            applyCustomer(c, p);
            objects.put(c.get("id").asString(), c);
            events.emit("customer.created", render(c), null, origin);
            return render(c);
        });
    }

    ObjectNode updateCustomer(String id, FormParams p, Origin origin) {
        p.allow(CUSTOMER_PARAMS);
        return change(origin, () -> {
            ObjectNode c = find(id, "customer", "customer", "id");
            ObjectNode before = render(c);
            applyCustomer(c, p);
            ObjectNode after = render(c);
            ObjectNode previous = previous(before, after);
            if (!previous.isEmpty()) {
                events.emit("customer.updated", after, previous, origin);
            }
            return after;
        });
    }

    ObjectNode retrieveCustomer(String id) {
        synchronized (lock) {
            if (deletedCustomers.contains(id)) {
                return deletedStub(id);
            }
            return render(find(id, "customer", "customer", "id"));
        }
    }

    ObjectNode deleteCustomer(String id, Origin origin) {
        return change(origin, () -> {
            ObjectNode c = find(id, "customer", "customer", "id");
            for (ObjectNode sub : all("subscription", s -> id.equals(text(s, "customer")) && !"canceled".equals(text(s, "status")))) {
                endSubscription(sub, "cancellation_requested", origin);
            }
            objects.remove(id);
            deletedCustomers.add(id);
            events.emit("customer.deleted", render(c), null, origin);
            return deletedStub(id);
        });
    }

    ObjectNode listCustomers(FormParams p) {
        p.allow(Set.of("email", "limit", "starting_after", "ending_before", "expand", "created"));
        String email = p.string("email");
        synchronized (lock) {
            return page("/v1/customers", all("customer", c -> email == null || email.equals(text(c, "email"))), p);
        }
    }

    private void applyCustomer(ObjectNode c, FormParams p) {
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
        metadata(c, p);
    }

    private ObjectNode customer(String id, String email, String name, String paymentMethod) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id);
        c.put("object", "customer");
        c.putNull("address");
        c.put("balance", 0);
        c.put("created", now());
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

    // ---------------------------------------------------------------- products and prices

    ObjectNode createProduct(FormParams p, Origin origin) {
        p.allow(Set.of("name", "id", "active", "description", "metadata", "marketing_features", "expand"));
        String name = p.required("name");
        return change(origin, () -> {
            String id = p.string("id") != null && !p.string("id").isEmpty() ? p.string("id") : ids.next("prod_");
            if (objects.containsKey(id)) {
                throw StripeApiError.refused("id", "Product already exists.");
            }
            ObjectNode product = product(id, name, p.string("description"));
            if (p.bool("active") != null) {
                product.put("active", p.bool("active"));
            }
            metadata(product, p);
            objects.put(id, product);
            events.emit("product.created", render(product), null, origin);
            return render(product);
        });
    }

    ObjectNode updateProduct(String id, FormParams p, Origin origin) {
        p.allow(Set.of("name", "active", "description", "metadata", "default_price", "expand"));
        return change(origin, () -> {
            ObjectNode product = find(id, "product", "product", "id");
            ObjectNode before = render(product);
            if (p.string("name") != null) {
                product.put("name", p.string("name"));
            }
            if (p.bool("active") != null) {
                product.put("active", p.bool("active"));
            }
            if (p.has("description")) {
                product.put("description", p.string("description"));
            }
            if (p.string("default_price") != null) {
                find(p.string("default_price"), "price", "price", "default_price");
                product.put("default_price", p.string("default_price"));
            }
            metadata(product, p);
            return updated("product.updated", before, product, origin);
        });
    }

    ObjectNode retrieveProduct(String id) {
        synchronized (lock) {
            return render(find(id, "product", "product", "id"));
        }
    }

    ObjectNode listProducts(FormParams p) {
        p.allow(Set.of("active", "ids", "limit", "starting_after", "ending_before", "expand", "created"));
        Boolean active = p.bool("active");
        List<String> only = p.strings("ids");
        synchronized (lock) {
            return page("/v1/products", all("product", x -> (active == null || active == x.get("active").asBoolean())
                    && (only.isEmpty() || only.contains(text(x, "id")))), p);
        }
    }

    static final Set<String> PRICE_PARAMS = Set.of("currency", "unit_amount", "product", "recurring", "lookup_key",
            "transfer_lookup_key", "metadata", "nickname", "active", "expand", "tax_behavior");

    ObjectNode createPrice(FormParams p, Origin origin) {
        p.allow(PRICE_PARAMS);
        String currency = p.required("currency").toLowerCase();
        String productId = p.required("product");
        Long amount = p.integer("unit_amount");
        if (amount == null) {
            throw StripeApiError.missing("unit_amount");
        }
        Map<String, Object> recurring = p.map("recurring");
        if (recurring != null && !(recurring.get("interval") instanceof String interval && Set.of("day", "week", "month", "year").contains(interval))) {
            throw StripeApiError.invalid("recurring[interval]", "Invalid recurring[interval]: must be one of day, week, month, or year");
        }
        return change(origin, () -> {
            find(productId, "product", "product", "product");
            String lookupKey = p.string("lookup_key");
            claimLookupKey(lookupKey, Boolean.TRUE.equals(p.bool("transfer_lookup_key")), null);
            int count = recurring != null && recurring.get("interval_count") instanceof String n ? parseCount(n) : 1;
            ObjectNode price = price(ids.next("price_"), productId, currency, amount, lookupKey,
                    recurring == null ? null : (String) recurring.get("interval"), count);
            if (p.string("nickname") != null) {
                price.put("nickname", p.string("nickname"));
            }
            if (p.bool("active") != null) {
                price.put("active", p.bool("active"));
            }
            metadata(price, p);
            objects.put(text(price, "id"), price);
            events.emit("price.created", render(price), null, origin);
            return render(price);
        });
    }

    ObjectNode updatePrice(String id, FormParams p, Origin origin) {
        p.allow(Set.of("metadata", "lookup_key", "transfer_lookup_key", "active", "nickname", "expand"));
        return change(origin, () -> {
            ObjectNode price = find(id, "price", "price", "id");
            ObjectNode before = render(price);
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
            metadata(price, p);
            return updated("price.updated", before, price, origin);
        });
    }

    /** Admin scenario: merges {@code metadata} into a price's or product's metadata (empty value removes a key). */
    ObjectNode changeMetadata(String id, Map<String, String> metadata) {
        return change(Origin.AUTOMATIC, () -> {
            ObjectNode target = objects.get(id);
            if (target == null || !Set.of("price", "product").contains(text(target, "object"))) {
                throw StripeApiError.noSuch("price or product", id, "id");
            }
            ObjectNode before = render(target);
            ObjectNode meta = (ObjectNode) target.get("metadata");
            metadata.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    meta.remove(k);
                } else {
                    meta.put(k, v);
                }
            });
            return updated(text(target, "object") + ".updated", before, target, Origin.AUTOMATIC);
        });
    }

    ObjectNode retrievePrice(String id, FormParams p) {
        p.allow(Set.of("expand"));
        synchronized (lock) {
            return expand(render(find(id, "price", "price", "id")), p);
        }
    }

    ObjectNode listPrices(FormParams p) {
        p.allow(Set.of("active", "product", "lookup_keys", "type", "currency", "recurring", "limit", "starting_after",
                "ending_before", "expand", "created"));
        Boolean active = p.bool("active");
        String product = p.string("product");
        String type = p.string("type");
        String currency = p.string("currency");
        List<String> lookupKeys = p.strings("lookup_keys");
        synchronized (lock) {
            return expand(page("/v1/prices", all("price", x -> (active == null || active == x.get("active").asBoolean())
                    && (product == null || product.equals(text(x, "product")))
                    && (type == null || type.equals(text(x, "type")))
                    && (currency == null || currency.equalsIgnoreCase(text(x, "currency")))
                    && (lookupKeys.isEmpty() || lookupKeys.contains(text(x, "lookup_key")))), p), p);
        }
    }

    private void claimLookupKey(String key, boolean transfer, String ownId) {
        if (key == null || key.isEmpty()) {
            return;
        }
        for (ObjectNode other : all("price", x -> key.equals(text(x, "lookup_key")) && !text(x, "id").equals(ownId))) {
            if (!transfer) {
                throw StripeApiError.refused("lookup_key", "A price (`" + text(other, "id") + "`) already uses that lookup key.");
            }
            other.putNull("lookup_key");
        }
    }

    private static int parseCount(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw StripeApiError.invalidInteger("recurring[interval_count]", n);
        }
    }

    private ObjectNode product(String id, String name, String description) {
        ObjectNode product = NODES.objectNode();
        product.put("id", id);
        product.put("object", "product");
        product.put("active", true);
        product.putArray("attributes");
        product.put("created", now());
        product.putNull("default_price");
        product.put("description", description);
        product.putArray("images");
        product.put("livemode", false);
        product.putArray("marketing_features");
        product.putObject("metadata");
        product.put("name", name);
        product.putNull("package_dimensions");
        product.putNull("shippable");
        product.putNull("statement_descriptor");
        product.putNull("tax_code");
        product.put("type", "service");
        product.putNull("unit_label");
        product.put("updated", now());
        product.putNull("url");
        return product;
    }

    private ObjectNode price(String id, String productId, String currency, long amount, String lookupKey,
                             String interval, int intervalCount) {
        ObjectNode price = NODES.objectNode();
        price.put("id", id);
        price.put("object", "price");
        price.put("active", true);
        price.put("billing_scheme", "per_unit");
        price.put("created", now());
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

    // ---------------------------------------------------------------- entitlement features

    ObjectNode createFeature(FormParams p, Origin origin) {
        p.allow(Set.of("name", "lookup_key", "metadata", "expand"));
        String name = p.required("name");
        String lookupKey = p.required("lookup_key");
        return change(origin, () -> {
            if (!all("entitlements.feature", f -> lookupKey.equals(text(f, "lookup_key"))).isEmpty()) {
                throw StripeApiError.refused("lookup_key", "A feature with lookup_key " + lookupKey + " already exists.");
            }
            ObjectNode feature = feature(ids.next("feat_"), name, lookupKey);
            metadata(feature, p);
            objects.put(text(feature, "id"), feature);
            return render(feature);
        });
    }

    ObjectNode retrieveFeature(String id) {
        synchronized (lock) {
            return render(find(id, "entitlements.feature", "feature", "id"));
        }
    }

    ObjectNode listFeatures(FormParams p) {
        p.allow(Set.of("lookup_key", "archived", "limit", "starting_after", "ending_before", "expand"));
        String lookupKey = p.string("lookup_key");
        synchronized (lock) {
            return page("/v1/entitlements/features",
                    all("entitlements.feature", f -> lookupKey == null || lookupKey.equals(text(f, "lookup_key"))), p);
        }
    }

    ObjectNode attachFeature(String productId, FormParams p, Origin origin) {
        p.allow(Set.of("entitlement_feature", "expand"));
        String featureId = p.required("entitlement_feature");
        return change(origin, () -> {
            find(productId, "product", "product", "product");
            find(featureId, "entitlements.feature", "feature", "entitlement_feature");
            List<ObjectNode> attached = productFeatures.computeIfAbsent(productId, k -> new ArrayList<>());
            if (attached.stream().anyMatch(pf -> featureId.equals(text(pf, "entitlement_feature")))) {
                throw StripeApiError.refused("entitlement_feature", "The feature " + featureId + " is already attached to the product.");
            }
            ObjectNode pf = productFeature(ids.next("prodft_"), featureId);
            attached.add(pf);
            return renderProductFeature(pf);
        });
    }

    ObjectNode listProductFeatures(String productId, FormParams p) {
        p.allow(Set.of("limit", "starting_after", "ending_before", "expand"));
        synchronized (lock) {
            find(productId, "product", "product", "product");
            List<ObjectNode> attached = productFeatures.getOrDefault(productId, List.of()).stream()
                    .map(this::renderProductFeature).toList();
            return page("/v1/products/" + productId + "/features", attached.reversed(), p);
        }
    }

    ObjectNode detachFeature(String productId, String productFeatureId, Origin origin) {
        return change(origin, () -> {
            List<ObjectNode> attached = productFeatures.getOrDefault(productId, new ArrayList<>());
            ObjectNode pf = attached.stream().filter(x -> productFeatureId.equals(text(x, "id"))).findFirst()
                    .orElseThrow(() -> StripeApiError.noSuch("product feature", productFeatureId, "id"));
            attached.remove(pf);
            ObjectNode deleted = NODES.objectNode();
            deleted.put("id", productFeatureId);
            deleted.put("object", "product_feature");
            deleted.put("deleted", true);
            return deleted;
        });
    }

    ObjectNode activeEntitlements(FormParams p) {
        p.allow(Set.of("customer", "limit", "starting_after", "ending_before", "expand"));
        String customer = p.required("customer");
        synchronized (lock) {
            find(customer, "customer", "customer", "customer");
            return expand(page("/v1/entitlements/active_entitlements", entitlementsOf(customer), p), p);
        }
    }

    ObjectNode activeEntitlement(String id, FormParams p) {
        p.allow(Set.of("expand"));
        synchronized (lock) {
            for (ObjectNode customer : all("customer", c -> true)) {
                for (ObjectNode entitlement : entitlementsOf(text(customer, "id"))) {
                    if (id.equals(text(entitlement, "id"))) {
                        return expand(entitlement, p);
                    }
                }
            }
            throw StripeApiError.noSuch("active entitlement", id, "id");
        }
    }

    private List<ObjectNode> entitlementsOf(String customer) {
        Set<String> features = new LinkedHashSet<>();
        for (ObjectNode sub : all("subscription", s -> customer.equals(text(s, "customer"))
                && settings.entitledStatuses().contains(text(s, "status"))).reversed()) {
            for (JsonNode item : sub.get("items").get("data")) {
                ObjectNode price = objects.get(item.get("price").asString());
                String product = price == null ? null : text(price, "product");
                for (ObjectNode pf : productFeatures.getOrDefault(product, List.of())) {
                    features.add(text(pf, "entitlement_feature"));
                }
            }
        }
        List<ObjectNode> result = new ArrayList<>();
        for (String featureId : features) {
            ObjectNode feature = objects.get(featureId);
            if (feature == null || !feature.get("active").asBoolean()) {
                continue;
            }
            ObjectNode entitlement = NODES.objectNode();
            entitlement.put("id", entitlementIds.computeIfAbsent(customer + "|" + featureId, k -> ids.next("ent_")));
            entitlement.put("object", "entitlements.active_entitlement");
            entitlement.put("feature", featureId);
            entitlement.put("livemode", false);
            entitlement.put("lookup_key", text(feature, "lookup_key"));
            result.add(entitlement);
        }
        return result;
    }

    private Map<String, List<ObjectNode>> allEntitlements() {
        Map<String, List<ObjectNode>> all = new LinkedHashMap<>();
        for (ObjectNode customer : all("customer", c -> true)) {
            String id = text(customer, "id");
            all.put(id, entitlementsOf(id));
        }
        return all;
    }

    private ObjectNode feature(String id, String name, String lookupKey) {
        ObjectNode feature = NODES.objectNode();
        feature.put("id", id);
        feature.put("object", "entitlements.feature");
        feature.put("active", true);
        feature.put("livemode", false);
        feature.put("lookup_key", lookupKey);
        feature.putObject("metadata");
        feature.put("name", name);
        return feature;
    }

    private static ObjectNode productFeature(String id, String featureId) {
        ObjectNode pf = NODES.objectNode();
        pf.put("id", id);
        pf.put("object", "product_feature");
        pf.put("entitlement_feature", featureId);
        pf.put("livemode", false);
        return pf;
    }

    private ObjectNode renderProductFeature(ObjectNode pf) {
        ObjectNode out = pf.deepCopy();
        out.set("entitlement_feature", render(objects.get(text(pf, "entitlement_feature"))));
        return out;
    }

    // ---------------------------------------------------------------- subscriptions

    ObjectNode createSubscription(FormParams p, Origin origin) {
        p.allow(Set.of("customer", "items", "metadata", "trial_period_days", "payment_behavior", "cancel_at_period_end",
                "default_payment_method", "collection_method", "description", "proration_behavior", "expand", "off_session"));
        String customerId = p.required("customer");
        List<Object> items = p.list("items");
        if (items.isEmpty()) {
            throw StripeApiError.missing("items");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("price") instanceof String)) {
                throw StripeApiError.missing("items[" + i + "][price]");
            }
        }
        Long trialDays = p.integer("trial_period_days");
        return change(origin, () -> {
            ObjectNode customer = find(customerId, "customer", "customer", "customer");
            String id = ids.next("sub_");
            long now = now();
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
            metadata(sub, p);
            objects.put(id, sub);
            boolean paid = !"incomplete".equals(text(sub, "status"));
            ObjectNode invoice = invoice(sub, "subscription_create", paid, now, now);
            sub.put("latest_invoice", text(invoice, "id"));
            events.emit("customer.subscription.created", render(sub), null, origin);
            if (paid) {
                // an incomplete subscription's first invoice stays open, awaiting payment: no event for it here
                events.emit("invoice.paid", render(invoice), null, origin);
            }
            return expand(render(sub), p);
        });
    }

    ObjectNode retrieveSubscription(String id, FormParams p) {
        p.allow(Set.of("expand"));
        synchronized (lock) {
            return expand(render(find(id, "subscription", "subscription", "id")), p);
        }
    }

    ObjectNode listSubscriptions(FormParams p) {
        p.allow(Set.of("customer", "price", "status", "limit", "starting_after", "ending_before", "expand", "created",
                "collection_method", "current_period_start", "current_period_end"));
        String customer = p.string("customer");
        String price = p.string("price");
        String status = p.string("status");
        if (status != null && !status.equals("all") && !status.equals("ended") && !STATUSES.contains(status)) {
            throw StripeApiError.invalid("status", "Invalid status: must be one of active, all, canceled, ended, incomplete, "
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
        synchronized (lock) {
            List<ObjectNode> subs = all("subscription", s -> (customer == null || customer.equals(text(s, "customer")))
                    && byStatus.test(s)
                    && (price == null || itemsOf(s).stream().anyMatch(i -> price.equals(i.get("price").asString()))));
            return expand(page("/v1/subscriptions", subs, p), p);
        }
    }

    ObjectNode updateSubscription(String id, FormParams p, Origin origin) {
        p.allow(Set.of("items", "metadata", "cancel_at_period_end", "default_payment_method", "proration_behavior",
                "description", "payment_behavior", "expand", "collection_method", "off_session"));
        List<Object> items = p.list("items");
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || (item.get("id") == null && item.get("price") == null)) {
                throw StripeApiError.missing("items[" + i + "][price]");
            }
        }
        Boolean cancelAtPeriodEnd = p.bool("cancel_at_period_end");
        return change(origin, () -> {
            ObjectNode sub = find(id, "subscription", "subscription", "id");
            boolean onlyMetadata = p.names().stream().allMatch(n -> n.equals("metadata") || n.equals("expand"));
            if ("canceled".equals(text(sub, "status")) && !onlyMetadata) {
                throw StripeApiError.refused(null, "A canceled subscription can only update its cancellation_details and metadata.");
            }
            ObjectNode before = render(sub);
            ArrayNode data = (ArrayNode) sub.get("items").get("data");
            for (int i = 0; i < items.size(); i++) {
                Map<?, ?> change = (Map<?, ?>) items.get(i);
                String itemId = (String) change.get("id");
                if (itemId == null) {
                    ObjectNode price = recurringPrice((String) change.get("price"), "items[" + i + "][price]");
                    JsonNode first = data.get(0);
                    data.add(item(ids.next("si_"), id, price, quantity(change, i), now(),
                            first.get("current_period_end").asLong(), change.get("metadata")));
                    continue;
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
                    throw StripeApiError.noSuch("subscription item", itemId, "items[" + i + "][id]");
                }
                if ("true".equals(change.get("deleted"))) {
                    data.remove(index);
                    continue;
                }
                if (change.get("price") instanceof String priceId) {
                    item.put("price", text(recurringPrice(priceId, "items[" + i + "][price]"), "id"));
                }
                if (change.get("quantity") != null) {
                    item.put("quantity", quantity(change, i));
                }
                if (change.get("metadata") instanceof Map<?, ?> meta) {
                    applyMetadata((ObjectNode) item.get("metadata"), meta);
                }
            }
            if (data.isEmpty()) {
                throw StripeApiError.refused("items", "A subscription must have at least one active plan.");
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
            metadata(sub, p);
            return expand(updated("customer.subscription.updated", before, sub, origin), p);
        });
    }

    ObjectNode cancelSubscription(String id, FormParams p, Origin origin) {
        p.allow(Set.of("invoice_now", "prorate", "cancellation_details", "expand"));
        return change(origin, () -> {
            ObjectNode sub = find(id, "subscription", "subscription", "id");
            if ("canceled".equals(text(sub, "status"))) {
                throw StripeApiError.refused(null, "A canceled subscription can only update its cancellation_details and metadata.");
            }
            endSubscription(sub, "cancellation_requested", origin);
            return expand(render(sub), p);
        });
    }

    /** Admin scenario: the subscription moves to {@code status}, with the events Stripe would send. */
    ObjectNode setStatus(String id, String status) {
        if (!STATUSES.contains(status)) {
            throw StripeApiError.invalid("status", "Unknown subscription status " + status + "; known: " + STATUSES);
        }
        return change(Origin.AUTOMATIC, () -> {
            ObjectNode sub = find(id, "subscription", "subscription", "id");
            if ("canceled".equals(text(sub, "status"))) {
                throw StripeApiError.refused("status", "A canceled subscription cannot change its status.");
            }
            if ("canceled".equals(status)) {
                endSubscription(sub, "payment_failed", Origin.AUTOMATIC);
                return render(sub);
            }
            ObjectNode before = render(sub);
            if ("past_due".equals(status)) {
                long start = itemsOf(sub).getFirst().get("current_period_start").asLong();
                ObjectNode invoice = invoice(sub, "subscription_cycle", false, start, now());
                sub.put("latest_invoice", text(invoice, "id"));
                events.emit("invoice.payment_failed", render(invoice), null, Origin.AUTOMATIC);
            }
            sub.put("status", status);
            if ("paused".equals(status)) {
                events.emit("customer.subscription.paused", render(sub), null, Origin.AUTOMATIC);
            } else if ("paused".equals(text(before, "status"))) {
                events.emit("customer.subscription.resumed", render(sub), null, Origin.AUTOMATIC);
            }
            return updated("customer.subscription.updated", before, sub, Origin.AUTOMATIC);
        });
    }

    /**
     * Admin scenario: the subscription reaches the end of its billing period. It renews (items move to the next
     * period, a cycle invoice is paid or fails) or, when set to cancel at period end, ends.
     */
    ObjectNode renew(String id, boolean paymentSucceeds) {
        return change(Origin.AUTOMATIC, () -> {
            ObjectNode sub = find(id, "subscription", "subscription", "id");
            String status = text(sub, "status");
            if (Set.of("canceled", "incomplete_expired", "paused").contains(status)) {
                throw StripeApiError.refused("status", "A " + status + " subscription does not renew.");
            }
            if (sub.get("cancel_at_period_end").asBoolean()) {
                endSubscription(sub, "cancellation_requested", Origin.AUTOMATIC);
                return render(sub);
            }
            ObjectNode before = render(sub);
            long start = 0;
            for (JsonNode node : itemsOf(sub)) {
                ObjectNode item = (ObjectNode) node;
                long end = item.get("current_period_end").asLong();
                item.put("current_period_start", end);
                item.put("current_period_end", periodEnd(end, objects.get(item.get("price").asString())));
                start = start == 0 ? end : start;
            }
            ObjectNode invoice = invoice(sub, "subscription_cycle", paymentSucceeds, start, now());
            sub.put("latest_invoice", text(invoice, "id"));
            sub.put("status", paymentSucceeds ? "active" : "past_due");
            events.emit(paymentSucceeds ? "invoice.paid" : "invoice.payment_failed", render(invoice), null, Origin.AUTOMATIC);
            return updated("customer.subscription.updated", before, sub, Origin.AUTOMATIC);
        });
    }

    ObjectNode retrieveInvoice(String id, FormParams p) {
        p.allow(Set.of("expand"));
        synchronized (lock) {
            return expand(render(find(id, "invoice", "invoice", "id")), p);
        }
    }

    ObjectNode listInvoices(FormParams p) {
        p.allow(Set.of("customer", "subscription", "status", "limit", "starting_after", "ending_before", "expand", "created"));
        String customer = p.string("customer");
        String subscription = p.string("subscription");
        String status = p.string("status");
        synchronized (lock) {
            return expand(page("/v1/invoices", all("invoice", i -> (customer == null || customer.equals(text(i, "customer")))
                    && (status == null || status.equals(text(i, "status")))
                    && (subscription == null || subscription.equals(i.get("parent").get("subscription_details").get("subscription").asString()))), p), p);
        }
    }

    private void endSubscription(ObjectNode sub, String reason, Origin origin) {
        long now = now();
        sub.put("status", "canceled");
        sub.put("canceled_at", now);
        sub.put("ended_at", now);
        sub.put("cancel_at_period_end", false);
        ((ObjectNode) sub.get("cancellation_details")).put("reason", reason);
        events.emit("customer.subscription.deleted", render(sub), null, origin);
    }

    private ObjectNode recurringPrice(String priceId, String param) {
        ObjectNode price = find(priceId, "price", "price", param);
        if (!"recurring".equals(text(price, "type"))) {
            throw StripeApiError.refused(param, "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.");
        }
        if (!price.get("active").asBoolean()) {
            throw StripeApiError.refused(param, "The price specified is inactive. This field only accepts active prices.");
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
            throw StripeApiError.invalidInteger("items[" + index + "][quantity]", String.valueOf(value));
        }
    }

    private static List<JsonNode> itemsOf(ObjectNode sub) {
        List<JsonNode> items = new ArrayList<>();
        sub.get("items").get("data").forEach(items::add);
        return items;
    }

    private ObjectNode subscription(String id, String customer, long created) {
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

    private static ObjectNode item(String id, String subscription, ObjectNode price, long quantity, long start, long end,
                                   Object metadata) {
        ObjectNode item = NODES.objectNode();
        item.put("id", id);
        item.put("object", "subscription_item");
        item.put("created", start);
        item.put("current_period_end", end);
        item.put("current_period_start", start);
        item.putArray("discounts");
        ObjectNode meta = item.putObject("metadata");
        if (metadata instanceof Map<?, ?> m) {
            applyMetadata(meta, m);
        }
        item.put("price", price.get("id").asString());
        item.put("quantity", quantity);
        item.put("subscription", subscription);
        item.putArray("tax_rates");
        return item;
    }

    /** Seeds and renewals: a finalized invoice in the basil shape ({@code parent.subscription_details}). */
    private ObjectNode invoice(ObjectNode sub, String reason, boolean paid, long periodStart, long created) {
        String id = ids.next("in_");
        return invoice(id, sub, reason, paid, periodStart, created);
    }

    private ObjectNode invoice(String id, ObjectNode sub, String reason, boolean paid, long periodStart, long created) {
        boolean trial = "trialing".equals(text(sub, "status"));
        ObjectNode customer = objects.get(text(sub, "customer"));
        ObjectNode invoice = NODES.objectNode();
        invoice.put("id", id);
        invoice.put("object", "invoice");
        invoice.put("account_country", "JP");
        long total = 0;
        ArrayNode lines = NODES.arrayNode();
        for (JsonNode item : itemsOf(sub)) {
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
        objects.put(id, invoice);
        return invoice;
    }

    private String productName(ObjectNode price) {
        ObjectNode product = objects.get(text(price, "product"));
        return product == null ? text(price, "id") : text(product, "name");
    }

    private static long periodEnd(long start, ObjectNode price) {
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

    // ---------------------------------------------------------------- events

    ObjectNode retrieveEvent(String id) {
        for (ObjectNode event : events.events()) {
            if (id.equals(text(event, "id"))) {
                return event;
            }
        }
        throw StripeApiError.noSuch("event", id, "id");
    }

    ObjectNode listEvents(FormParams p) {
        p.allow(Set.of("type", "types", "limit", "starting_after", "ending_before", "created", "delivery_success"));
        String type = p.string("type");
        List<String> types = p.strings("types");
        List<ObjectNode> matching = events.events().stream().filter(e -> {
            String t = text(e, "type");
            boolean byType = type == null || (type.endsWith(".*") ? t.startsWith(type.substring(0, type.length() - 1)) : type.equals(t));
            return byType && (types.isEmpty() || types.contains(t));
        }).toList();
        synchronized (lock) {
            return page("/v1/events", matching, p);
        }
    }

    // ---------------------------------------------------------------- shared mechanics

    /** Runs a change under the lock, then reports every customer whose active entitlements changed. */
    private <T> T change(Origin origin, Supplier<T> change) {
        synchronized (lock) {
            Map<String, List<ObjectNode>> before = allEntitlements();
            T result = change.get();
            Map<String, List<ObjectNode>> after = allEntitlements();
            Set<String> customers = new LinkedHashSet<>(before.keySet());
            customers.addAll(after.keySet());
            for (String customer : customers) {
                List<ObjectNode> was = before.getOrDefault(customer, List.of());
                List<ObjectNode> now = after.getOrDefault(customer, List.of());
                if (!was.equals(now)) {
                    ObjectNode previous = NODES.objectNode();
                    previous.set("entitlements", entitlementList(was));
                    events.emit("entitlements.active_entitlement_summary.updated", summary(customer, now), previous, origin);
                }
            }
            return result;
        }
    }

    private ObjectNode summary(String customer, List<ObjectNode> entitlements) {
        ObjectNode summary = NODES.objectNode();
        summary.put("object", "entitlements.active_entitlement_summary");
        summary.put("customer", customer);
        summary.set("entitlements", entitlementList(entitlements));
        summary.put("livemode", false);
        return summary;
    }

    private static ObjectNode entitlementList(List<ObjectNode> entitlements) {
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        entitlements.forEach(data::add);
        list.put("has_more", false);
        list.put("url", "/v1/entitlements/active_entitlements");
        return list;
    }

    /** Emits {@code type} with the fields that changed, when any did; answers the object as it is now. */
    private ObjectNode updated(String type, ObjectNode before, ObjectNode stored, Origin origin) {
        ObjectNode after = render(stored);
        ObjectNode previous = previous(before, after);
        if (!previous.isEmpty()) {
            events.emit(type, after, previous, origin);
        }
        return after;
    }

    private static ObjectNode previous(ObjectNode before, ObjectNode after) {
        ObjectNode previous = NODES.objectNode();
        for (String field : before.propertyNames()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                previous.set(field, before.get(field));
            }
        }
        return previous;
    }

    private ObjectNode find(String id, String object, String kind, String param) {
        ObjectNode found = objects.get(id);
        if (found == null || !object.equals(text(found, "object"))) {
            throw StripeApiError.noSuch(kind, id, param);
        }
        return found;
    }

    /** Objects of one type, newest first (the order of Stripe's lists). */
    private List<ObjectNode> all(String object, Predicate<ObjectNode> filter) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode node : objects.values()) {
            if (object.equals(text(node, "object")) && filter.test(node)) {
                matching.add(node);
            }
        }
        return matching.reversed();
    }

    /** A copy for the wire: subscription items carry their price object, product features their feature. */
    private ObjectNode render(ObjectNode stored) {
        ObjectNode out = stored.deepCopy();
        if ("subscription".equals(text(out, "object"))) {
            for (JsonNode item : out.get("items").get("data")) {
                ObjectNode price = objects.get(item.get("price").asString());
                if (price != null) {
                    ((ObjectNode) item).set("price", price.deepCopy());
                }
            }
        }
        return out;
    }

    /** Stripe's list envelope, paged with {@code limit} (1..100, default 10), {@code starting_after}, {@code ending_before}. */
    private ObjectNode page(String url, List<ObjectNode> items, FormParams p) {
        Long limit = p.integer("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeApiError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        int size = limit == null ? 10 : limit.intValue();
        String after = p.string("starting_after");
        String before = p.string("ending_before");
        int from;
        int to;
        boolean more;
        if (after != null && !after.isEmpty()) {
            int at = indexOf(items, after, "starting_after");
            from = at + 1;
            to = Math.min(items.size(), from + size);
            more = to < items.size();
        } else if (before != null && !before.isEmpty()) {
            to = indexOf(items, before, "ending_before");
            from = Math.max(0, to - size);
            more = from > 0;
        } else {
            from = 0;
            to = Math.min(items.size(), size);
            more = to < items.size();
        }
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        items.subList(from, to).forEach(item -> data.add(render(item)));
        list.put("has_more", more);
        list.put("url", url);
        return list;
    }

    private static int indexOf(List<ObjectNode> items, String id, String param) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(text(items.get(i), "id"))) {
                return i;
            }
        }
        throw StripeApiError.noSuch("object", id, param);
    }

    /** Replaces ids named by {@code expand[]} paths ({@code items.data.price.product}) with their objects. */
    private ObjectNode expand(ObjectNode node, FormParams p) {
        for (String path : p.strings("expand")) {
            expandPath(node, List.of(path.split("\\.")));
        }
        return node;
    }

    private void expandPath(JsonNode node, List<String> path) {
        if (!(node instanceof ObjectNode object) || path.isEmpty()) {
            return;
        }
        JsonNode child = object.get(path.getFirst());
        if (child == null || child.isNull()) {
            return;
        }
        if (path.size() == 1) {
            if (child.isString() && objects.containsKey(child.asString())) {
                object.set(path.getFirst(), render(objects.get(child.asString())));
            }
            return;
        }
        List<String> rest = path.subList(1, path.size());
        if (child.isArray()) {
            child.forEach(element -> expandPath(element, rest));
        } else {
            expandPath(child, rest);
        }
    }

    private static void metadata(ObjectNode target, FormParams p) {
        if (!p.has("metadata")) {
            return;
        }
        Map<String, Object> metadata = p.map("metadata");
        if (metadata.isEmpty()) {
            target.putObject("metadata");
            return;
        }
        if (metadata.size() > 50) {
            throw StripeApiError.invalid("metadata", "You can have at most 50 keys in metadata.");
        }
        applyMetadata((ObjectNode) target.get("metadata"), metadata);
    }

    private static void applyMetadata(ObjectNode meta, Map<?, ?> changes) {
        changes.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.length() > 40) {
                throw StripeApiError.invalid("metadata[" + key + "]", "Metadata keys can have a maximum length of 40 characters.");
            }
            if (!(v instanceof String value)) {
                throw StripeApiError.invalid("metadata[" + key + "]", "Invalid metadata value: must be a string");
            }
            if (value.isEmpty()) {
                meta.remove(key);
            } else {
                meta.put(key, value);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    // ---------------------------------------------------------------- seed (docs/sandbox/stripe.md)

    private void seed() {
        long now = now();
        long created = now - 90L * 86_400;
        ObjectNode starter = product("prod_sandbox_wishlist_starter", "Wishlist Starter", "Up to 10 wishlist groups");
        ObjectNode pro = product("prod_sandbox_wishlist_pro", "Wishlist Pro", "Up to 100 wishlist groups, shared wishlists");
        for (ObjectNode product : List.of(starter, pro)) {
            product.put("created", created);
            product.put("updated", created);
        }
        ((ObjectNode) starter.get("metadata")).put("wishlist_quota", "10");
        ((ObjectNode) pro.get("metadata")).put("wishlist_quota", "100");
        ObjectNode starterPrice = price("price_sandbox_wishlist_starter", text(starter, "id"), "jpy", 1500, "wishlist_starter", "month", 1);
        ObjectNode proPrice = price("price_sandbox_wishlist_pro", text(pro, "id"), "jpy", 5000, "wishlist_pro", "month", 1);
        ((ObjectNode) starterPrice.get("metadata")).put("wishlist_quota", "10");
        ((ObjectNode) proPrice.get("metadata")).put("wishlist_quota", "100");
        starter.put("default_price", text(starterPrice, "id"));
        pro.put("default_price", text(proPrice, "id"));
        for (ObjectNode node : List.of(starter, pro, starterPrice, proPrice)) {
            node.put("created", created);
            objects.put(text(node, "id"), node);
        }
        ObjectNode wishlists = feature("feat_sandbox_wishlists", "Wishlists", "wishlists");
        ObjectNode sharing = feature("feat_sandbox_wishlist_sharing", "Shared wishlists", "wishlist_sharing");
        objects.put(text(wishlists, "id"), wishlists);
        objects.put(text(sharing, "id"), sharing);
        productFeatures.put(text(starter, "id"), new ArrayList<>(List.of(productFeature("prodft_sandbox_starter_wishlists", text(wishlists, "id")))));
        productFeatures.put(text(pro, "id"), new ArrayList<>(List.of(
                productFeature("prodft_sandbox_pro_wishlists", text(wishlists, "id")),
                productFeature("prodft_sandbox_pro_sharing", text(sharing, "id")))));

        seedCustomer("active", "Hanako Yamada", "hanako.yamada@example.jp", "SF-100001", "pm_sandbox_visa_4242", created);
        seedCustomer("pastdue", "Taro Suzuki", "taro.suzuki@example.jp", "SF-100002", "pm_sandbox_visa_0341", created);
        seedCustomer("canceled", "Aiko Tanaka", "aiko.tanaka@example.jp", "SF-100003", null, created);
        seedCustomer("none", "Mika Ito", "mika.ito@example.jp", "SF-100006", null, created);

        long periodStart = ZonedDateTime.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC).minusDays(10).toEpochSecond();
        seedSubscription("active", starterPrice, "active", periodStart, true);
        seedSubscription("pastdue", proPrice, "past_due", periodStart, false);
        ObjectNode canceled = seedSubscription("canceled", starterPrice, "canceled",
                ZonedDateTime.ofInstant(Instant.ofEpochSecond(periodStart), ZoneOffset.UTC).minusMonths(1).toEpochSecond(), true);
        long endedAt = itemsOf(canceled).getFirst().get("current_period_end").asLong();
        canceled.put("canceled_at", endedAt - 86_400);
        canceled.put("ended_at", endedAt);
        ((ObjectNode) canceled.get("cancellation_details")).put("reason", "cancellation_requested");
    }

    private void seedCustomer(String name, String fullName, String email, String customerNo, String paymentMethod, long created) {
        ObjectNode c = customer("cus_sandbox_" + name, email, fullName, paymentMethod);
        c.put("created", created);
        c.put("invoice_prefix", "SANDBOX" + name.toUpperCase().charAt(0));
        ((ObjectNode) c.get("metadata")).put("portal_customer_no", customerNo);
        objects.put(text(c, "id"), c);
    }

    private ObjectNode seedSubscription(String name, ObjectNode price, String status, long periodStart, boolean paid) {
        long start = ZonedDateTime.ofInstant(Instant.ofEpochSecond(periodStart), ZoneOffset.UTC).minusMonths(2).toEpochSecond();
        String id = "sub_sandbox_" + name;
        ObjectNode sub = subscription(id, "cus_sandbox_" + name, start);
        sub.put("status", status);
        ObjectNode customer = objects.get("cus_sandbox_" + name);
        sub.set("default_payment_method", customer.get("invoice_settings").get("default_payment_method"));
        ArrayNode data = (ArrayNode) sub.get("items").get("data");
        data.add(item("si_sandbox_" + name, id, price, 1, periodStart, periodEnd(periodStart, price), null));
        ((ObjectNode) data.get(0)).put("created", start);
        ((ObjectNode) sub.get("items")).put("total_count", 1);
        objects.put(id, sub);
        invoice("in_sandbox_" + name, sub, "subscription_cycle", paid, periodStart, periodStart);
        sub.put("latest_invoice", "in_sandbox_" + name);
        return sub;
    }
}
