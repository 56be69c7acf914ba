package dev.portal.order.tracking;

import dev.portal.order.orders.Order;
import dev.portal.order.orders.TimelineStep;
import dev.portal.platform.outbox.Notifications;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the user who placed an order what happened to it, in the browser (CONTRACTS: {@code order.status-changed},
 * {@code order.step-changed}), in the transaction that records the change. Orders made in Salesforce have no portal
 * user to tell. The data holds only what the order's API shows its owner.
 */
@Component
class OrderNotifications {

    static final String STATUS_CHANGED = "order.status-changed";
    static final String STEP_CHANGED = "order.step-changed";

    private final Notifications notifications;

    OrderNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    void statusChanged(Order order, Instant at) {
        if (order.userId() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("status", order.status());
        data.put("activationStatus", order.activationStatus().name());
        if (order.activationReason() != null) {
            data.put("reason", order.activationReason());
        }
        data.put("at", at.toString());
        notifications.publish(order.userId(), STATUS_CHANGED, data);
    }

    void stepChanged(Order order, TimelineStep step) {
        if (order.userId() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("step", step.step());
        data.put("status", step.status().name());
        data.put("attempt", step.attempt());
        if (step.reason() != null) {
            data.put("reason", step.reason());
        }
        data.put("at", step.at().toString());
        notifications.publish(order.userId(), STEP_CHANGED, data);
    }
}
