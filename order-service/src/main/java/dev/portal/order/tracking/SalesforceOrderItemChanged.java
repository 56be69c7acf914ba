package dev.portal.order.tracking;

import dev.portal.platform.events.EventType;
import java.util.Map;

/** A change of a Salesforce OrderItem as cdc-bridge forwards it; only its order matters here. */
@EventType("salesforce.cdc.order-item.changed.v1")
record SalesforceOrderItemChanged(String recordId, String changeType, Map<String, Object> fields) {

    SalesforceOrderItemChanged {
        fields = fields == null ? Map.of() : fields;
    }
}
