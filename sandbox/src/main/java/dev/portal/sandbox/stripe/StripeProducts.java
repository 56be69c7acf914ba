package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;
import static dev.portal.sandbox.stripe.StripeObjects.text;

/** {@code /v1/products}, and the admin scenario that changes a price's or product's metadata. */
@Component
class StripeProducts {

    private final StripeObjects objects;
    private final StripeChanges changes;
    private final StripeIds ids;
    private final StripeEvents events;

    StripeProducts(StripeObjects objects, StripeChanges changes, StripeIds ids, StripeEvents events) {
        this.objects = objects;
        this.changes = changes;
        this.ids = ids;
        this.events = events;
    }

    ObjectNode create(StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("name", "id", "active", "description", "metadata", "marketing_features", "expand"));
        String name = p.required("name");
        return changes.apply(origin, () -> {
            String id = p.string("id") != null && !p.string("id").isEmpty() ? p.string("id") : ids.next("prod_");
            if (objects.has(id)) {
                throw StripeError.refused("id", "Product already exists.");
            }
            ObjectNode product = product(id, name, p.string("description"), objects.now());
            if (p.bool("active") != null) {
                product.put("active", p.bool("active"));
            }
            StripeObjects.metadata(product, p);
            objects.put(product);
            events.emit("product.created", objects.render(product), null, origin);
            return objects.render(product);
        });
    }

    ObjectNode update(String id, StripeParams p, StripeOrigin origin) {
        p.allow(Set.of("name", "active", "description", "metadata", "default_price", "expand"));
        return changes.apply(origin, () -> {
            ObjectNode product = objects.find(id, "product", "product", "id");
            ObjectNode before = objects.render(product);
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
                objects.find(p.string("default_price"), "price", "price", "default_price");
                product.put("default_price", p.string("default_price"));
            }
            StripeObjects.metadata(product, p);
            return changes.updated("product.updated", before, product, origin);
        });
    }

    ObjectNode retrieve(String id) {
        return objects.locked(() -> objects.render(objects.find(id, "product", "product", "id")));
    }

    ObjectNode list(StripeParams p) {
        p.allow(Set.of("active", "ids", "limit", "starting_after", "ending_before", "expand", "created"));
        Boolean active = p.bool("active");
        List<String> only = p.strings("ids");
        return objects.locked(() -> objects.page("/v1/products", objects.all("product", x -> (active == null || active == x.get("active").asBoolean())
                && (only.isEmpty() || only.contains(text(x, "id")))), p));
    }

    /** Admin scenario: merges {@code metadata} into a price's or product's metadata (empty value removes a key). */
    ObjectNode changeMetadata(String id, Map<String, String> metadata) {
        return changes.apply(StripeOrigin.AUTOMATIC, () -> {
            ObjectNode target = objects.get(id);
            if (target == null || !Set.of("price", "product").contains(text(target, "object"))) {
                throw StripeError.noSuch("price or product", id, "id");
            }
            ObjectNode before = objects.render(target);
            ObjectNode meta = (ObjectNode) target.get("metadata");
            metadata.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    meta.remove(k);
                } else {
                    meta.put(k, v);
                }
            });
            return changes.updated(text(target, "object") + ".updated", before, target, StripeOrigin.AUTOMATIC);
        });
    }

    /** A product object in the basil shape. */
    static ObjectNode product(String id, String name, String description, long created) {
        ObjectNode product = NODES.objectNode();
        product.put("id", id);
        product.put("object", "product");
        product.put("active", true);
        product.putArray("attributes");
        product.put("created", created);
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
        product.put("updated", created);
        product.putNull("url");
        return product;
    }
}
