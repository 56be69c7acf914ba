package dev.portal.sandbox.stripe;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static dev.portal.sandbox.stripe.StripeObjects.NODES;

/**
 * How every write runs: under the account's lock, followed by the events Stripe sends around it. A change that
 * moves a customer's active entitlements emits {@code entitlements.active_entitlement_summary.updated} for that
 * customer; an update emits {@code <type>.updated} with the previous attributes, and nothing when nothing changed.
 */
@Component
class StripeChanges {

    private final StripeObjects objects;
    private final StripeEntitlements entitlements;
    private final StripeEvents events;

    StripeChanges(StripeObjects objects, StripeEntitlements entitlements, StripeEvents events) {
        this.objects = objects;
        this.entitlements = entitlements;
        this.events = events;
    }

    /** Runs a change under the lock, then reports every customer whose active entitlements changed. */
    <T> T apply(StripeOrigin origin, Supplier<T> change) {
        return objects.locked(() -> {
            Map<String, List<ObjectNode>> before = entitlements.byCustomer();
            T result = change.get();
            Map<String, List<ObjectNode>> after = entitlements.byCustomer();
            Set<String> customers = new LinkedHashSet<>(before.keySet());
            customers.addAll(after.keySet());
            for (String customer : customers) {
                List<ObjectNode> was = before.getOrDefault(customer, List.of());
                List<ObjectNode> now = after.getOrDefault(customer, List.of());
                if (!was.equals(now)) {
                    ObjectNode previous = NODES.objectNode();
                    previous.set("entitlements", StripeEntitlements.list(was));
                    events.emit("entitlements.active_entitlement_summary.updated", StripeEntitlements.summary(customer, now), previous, origin);
                }
            }
            return result;
        });
    }

    /** Emits {@code type} with the fields that changed, when any did; answers the object as it is now. */
    ObjectNode updated(String type, ObjectNode before, ObjectNode stored, StripeOrigin origin) {
        ObjectNode after = objects.render(stored);
        ObjectNode previous = StripeObjects.previous(before, after);
        if (!previous.isEmpty()) {
            events.emit(type, after, previous, origin);
        }
        return after;
    }
}
