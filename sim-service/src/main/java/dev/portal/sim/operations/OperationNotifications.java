package dev.portal.sim.operations;

import dev.portal.platform.outbox.Notifications;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer who asked for an operation how it goes: every status change after the request becomes a
 * {@code sim.operation-changed} notification, written in the transaction of the change (so it exists exactly when
 * the change does). The data holds only ids the customer sees in the API.
 */
@Component
class OperationNotifications {

    static final String TYPE = "sim.operation-changed";

    private final Notifications notifications;

    OperationNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(SimOperationEvent event) {
        if (event instanceof SimOperationRequested) {
            return; // the customer has the answer to their request
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("simId", event.simId());
        data.put("operationId", event.operationId());
        data.put("kind", event.kind());
        data.put("status", event.status());
        if (event.reason() != null) {
            data.put("reason", event.reason());
        }
        data.put("at", event.at().toString());
        notifications.publish(event.userId(), TYPE, data);
    }
}
