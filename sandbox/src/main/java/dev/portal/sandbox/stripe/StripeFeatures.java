package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/** {@code /v1/entitlements/features} and the features attached to a product ({@code /v1/products/{id}/features}). */
@Component
class StripeFeatures {

    private final StripeObjects objects;
    private final StripeChanges changes;
    private final StripeIds ids;

    StripeFeatures(StripeObjects objects, StripeChanges changes, StripeIds ids) {
        this.objects = objects;
        this.changes = changes;
        this.ids = ids;
    }

    ObjectNode create(StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("name", "lookup_key", "metadata", "expand"));
        String name = p.required("name");
        String lookupKey = p.required("lookup_key");
        return changes.apply(origin, () -> {
            if (!objects.all("entitlements.feature", f -> lookupKey.equals(text(f, "lookup_key"))).isEmpty()) {
                throw StripeError.refused("lookup_key", "A feature with lookup_key " + lookupKey + " already exists.");
            }
            ObjectNode feature = feature(ids.next("feat_"), name, lookupKey);
            StripeObjects.metadata(feature, p);
            objects.put(feature);
            return objects.render(feature);
        });
    }

    ObjectNode retrieve(String id) {
        return objects.locked(() -> objects.render(objects.find(id, "entitlements.feature", "feature", "id")));
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("lookup_key", "archived", "limit", "starting_after", "ending_before", "expand"));
        String lookupKey = p.string("lookup_key");
        return objects.locked(() -> objects.page("/v1/entitlements/features",
                objects.all("entitlements.feature", f -> lookupKey == null || lookupKey.equals(text(f, "lookup_key"))), p));
    }

    ObjectNode attach(String productId, StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("entitlement_feature", "expand"));
        String featureId = p.required("entitlement_feature");
        return changes.apply(origin, () -> {
            objects.find(productId, "product", "product", "product");
            objects.find(featureId, "entitlements.feature", "feature", "entitlement_feature");
            List<ObjectNode> attached = objects.featuresOf(productId);
            if (attached.stream().anyMatch(pf -> featureId.equals(text(pf, "entitlement_feature")))) {
                throw StripeError.refused("entitlement_feature", "The feature " + featureId + " is already attached to the product.");
            }
            ObjectNode pf = productFeature(ids.next("prodft_"), featureId);
            attached.add(pf);
            return renderProductFeature(pf);
        });
    }

    ObjectNode listAttached(String productId, StripeParams p) {
        p.allow(Set.of("limit", "starting_after", "ending_before", "expand"));
        return objects.locked(() -> {
            objects.find(productId, "product", "product", "product");
            List<ObjectNode> attached = objects.featuresOf(productId).stream().map(this::renderProductFeature).toList();
            return objects.page("/v1/products/" + productId + "/features", attached.reversed(), p);
        });
    }

    ObjectNode detach(String productId, String productFeatureId, StripeOrigin origin) {
        return changes.apply(origin, () -> {
            List<ObjectNode> attached = objects.featuresOf(productId);
            ObjectNode pf = attached.stream().filter(x -> productFeatureId.equals(text(x, "id"))).findFirst()
                    .orElseThrow(() -> StripeError.noSuch("product feature", productFeatureId, "id"));
            attached.remove(pf);
            ObjectNode deleted = NODES.objectNode();
            deleted.put("id", productFeatureId);
            deleted.put("object", "product_feature");
            deleted.put("deleted", true);
            return deleted;
        });
    }

    /** An {@code entitlements.feature} object. */
    static ObjectNode feature(String id, String name, String lookupKey) {
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

    /** A {@code product_feature} as stored: the feature kept as its id. */
    static ObjectNode productFeature(String id, String featureId) {
        ObjectNode pf = NODES.objectNode();
        pf.put("id", id);
        pf.put("object", "product_feature");
        pf.put("entitlement_feature", featureId);
        pf.put("livemode", false);
        return pf;
    }

    /** A product feature for the wire: the feature as an object. */
    private ObjectNode renderProductFeature(ObjectNode pf) {
        ObjectNode out = pf.deepCopy();
        out.set("entitlement_feature", objects.render(objects.get(text(pf, "entitlement_feature"))));
        return out;
    }
}
