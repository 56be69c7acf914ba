package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/**
 * Active entitlements ({@code /v1/entitlements/active_entitlements}): a customer has each active feature attached
 * to the product of a price in one of their subscriptions whose status keeps entitlements
 * ({@code sandbox.stripe.entitled-statuses}). Computed from the stored objects, never stored themselves.
 */
@Component
class StripeEntitlements {

    private final StripeObjects objects;
    private final StripeSettings settings;
    private final StripeIds ids;

    StripeEntitlements(StripeObjects objects, StripeSettings settings, StripeIds ids) {
        this.objects = objects;
        this.settings = settings;
        this.ids = ids;
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("customer", "limit", "starting_after", "ending_before", "expand"));
        String customer = p.required("customer");
        return objects.locked(() -> {
            objects.find(customer, "customer", "customer", "customer");
            return objects.expand(objects.page("/v1/entitlements/active_entitlements", of(customer), p), p);
        });
    }

    ObjectNode retrieve(String id, StripeParams p) {
        p.allow(Set.of("expand"));
        return objects.locked(() -> {
            for (ObjectNode customer : objects.all("customer", c -> true)) {
                for (ObjectNode entitlement : of(text(customer, "id"))) {
                    if (id.equals(text(entitlement, "id"))) {
                        return objects.expand(entitlement, p);
                    }
                }
            }
            throw StripeError.noSuch("active entitlement", id, "id");
        });
    }

    /** The customer's active entitlements now (call under the lock). */
    List<ObjectNode> of(String customer) {
        Set<String> features = new LinkedHashSet<>();
        for (ObjectNode sub : objects.all("subscription", s -> customer.equals(text(s, "customer"))
                && settings.entitledStatuses().contains(text(s, "status"))).reversed()) {
            for (JsonNode item : sub.get("items").get("data")) {
                ObjectNode price = objects.get(item.get("price").asString());
                String product = price == null ? null : text(price, "product");
                if (product == null) {
                    continue;
                }
                for (ObjectNode pf : objects.featuresOf(product)) {
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
            entitlement.put("id", objects.entitlementId(customer, featureId, () -> ids.next("ent_")));
            entitlement.put("object", "entitlements.active_entitlement");
            entitlement.put("feature", featureId);
            entitlement.put("livemode", false);
            entitlement.put("lookup_key", text(feature, "lookup_key"));
            result.add(entitlement);
        }
        return result;
    }

    /** Every customer's active entitlements now (call under the lock). */
    Map<String, List<ObjectNode>> byCustomer() {
        Map<String, List<ObjectNode>> all = new LinkedHashMap<>();
        for (ObjectNode customer : objects.all("customer", c -> true)) {
            String id = text(customer, "id");
            all.put(id, of(id));
        }
        return all;
    }

    /** The {@code entitlements.active_entitlement_summary} object of an event. */
    static ObjectNode summary(String customer, List<ObjectNode> entitlements) {
        ObjectNode summary = NODES.objectNode();
        summary.put("object", "entitlements.active_entitlement_summary");
        summary.put("customer", customer);
        summary.set("entitlements", list(entitlements));
        summary.put("livemode", false);
        return summary;
    }

    static ObjectNode list(List<ObjectNode> entitlements) {
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        entitlements.forEach(data::add);
        list.put("has_more", false);
        list.put("url", "/v1/entitlements/active_entitlements");
        return list;
    }
}
