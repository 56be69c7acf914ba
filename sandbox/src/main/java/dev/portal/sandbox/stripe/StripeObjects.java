package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
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
import java.util.function.UnaryOperator;

/**
 * The records of the simulated Stripe account: every object by id (customers, products, prices, features,
 * subscriptions, invoices; oldest first), the features attached to each product, deleted customers and stable
 * entitlement ids, behind one lock. Also what every resource does with them: look one up, list a type, Stripe's
 * list envelope and {@code expand[]}, metadata parameters and the wire copy of an object. The resources
 * ({@link StripeCustomers}, {@link StripeProducts}, ...) hold the rules; this class holds the state.
 */
@Component
class StripeObjects {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    /** Product id to its attached features ({@code product_feature}, {@code entitlement_feature} kept as an id). */
    private final Map<String, List<ObjectNode>> productFeatures = new HashMap<>();
    /** Ids of deleted customers: retrieving one answers {@code deleted:true}. */
    private final Set<String> deletedCustomers = new LinkedHashSet<>();
    /** Stable active-entitlement ids per customer and feature. */
    private final Map<String, String> entitlementIds = new HashMap<>();

    StripeObjects(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code work} while no other request touches the account. */
    <T> T locked(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    /** Forgets every record (under the lock of the caller's {@link #locked} step). */
    void clear() {
        objects.clear();
        productFeatures.clear();
        deletedCustomers.clear();
        entitlementIds.clear();
    }

    ObjectNode get(String id) {
        return objects.get(id);
    }

    boolean has(String id) {
        return objects.containsKey(id);
    }

    void put(ObjectNode object) {
        objects.put(text(object, "id"), object);
    }

    void remove(String id) {
        objects.remove(id);
    }

    /** The object with this id and type, else Stripe's {@code resource_missing} for {@code param}. */
    ObjectNode find(String id, String object, String kind, String param) {
        ObjectNode found = objects.get(id);
        if (found == null || !object.equals(text(found, "object"))) {
            throw StripeError.noSuch(kind, id, param);
        }
        return found;
    }

    /** Objects of one type, newest first (the order of Stripe's lists). */
    List<ObjectNode> all(String object, Predicate<ObjectNode> filter) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode node : objects.values()) {
            if (object.equals(text(node, "object")) && filter.test(node)) {
                matching.add(node);
            }
        }
        return matching.reversed();
    }

    /** The features attached to a product, in attachment order (a live, changeable list). */
    List<ObjectNode> featuresOf(String productId) {
        return productFeatures.computeIfAbsent(productId, k -> new ArrayList<>());
    }

    void deleted(String customerId) {
        deletedCustomers.add(customerId);
    }

    boolean isDeleted(String customerId) {
        return deletedCustomers.contains(customerId);
    }

    /** The id the customer's entitlement to a feature keeps while it lasts. */
    String entitlementId(String customer, String featureId, Supplier<String> next) {
        return entitlementIds.computeIfAbsent(customer + "|" + featureId, k -> next.get());
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** A copy for the wire: subscription items carry their price object. */
    ObjectNode render(ObjectNode stored) {
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

    /** Stripe's list envelope of stored objects, each rendered for the wire. */
    ObjectNode page(String url, List<ObjectNode> items, StripeParams p) {
        return page(url, items, p, this::render);
    }

    /** Stripe's list envelope, paged with {@code limit} (1..100, default 10), {@code starting_after}, {@code ending_before}. */
    static ObjectNode page(String url, List<ObjectNode> items, StripeParams p, UnaryOperator<ObjectNode> render) {
        Long limit = p.integer("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeError.invalid("limit", "Invalid limit: must be between 1 and 100");
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
        items.subList(from, to).forEach(item -> data.add(render.apply(item)));
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
        throw StripeError.noSuch("object", id, param);
    }

    /** Replaces ids named by {@code expand[]} paths ({@code items.data.price.product}) with their objects. */
    ObjectNode expand(ObjectNode node, StripeParams p) {
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

    /** Applies a request's {@code metadata} parameter: an empty one clears, an empty value removes a key. */
    static void metadata(ObjectNode target, StripeParams p) {
        if (!p.has("metadata")) {
            return;
        }
        Map<String, Object> metadata = p.map("metadata");
        if (metadata.isEmpty()) {
            target.putObject("metadata");
            return;
        }
        if (metadata.size() > 50) {
            throw StripeError.invalid("metadata", "You can have at most 50 keys in metadata.");
        }
        applyMetadata((ObjectNode) target.get("metadata"), metadata);
    }

    static void applyMetadata(ObjectNode meta, Map<?, ?> changes) {
        changes.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.length() > 40) {
                throw StripeError.invalid("metadata[" + key + "]", "Metadata keys can have a maximum length of 40 characters.");
            }
            if (!(v instanceof String value)) {
                throw StripeError.invalid("metadata[" + key + "]", "Invalid metadata value: must be a string");
            }
            if (value.isEmpty()) {
                meta.remove(key);
            } else {
                meta.put(key, value);
            }
        });
    }

    /** The attributes whose value differs, with their value before: an event's {@code previous_attributes}. */
    static ObjectNode previous(ObjectNode before, ObjectNode after) {
        ObjectNode previous = NODES.objectNode();
        for (String field : before.propertyNames()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                previous.set(field, before.get(field));
            }
        }
        return previous;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
