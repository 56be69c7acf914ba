package dev.portal.fulfillment.trigger;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce Order change as cdc-bridge bridges it ({@code salesforce.cdc.order}; docs/events.md): the fields this
 * consumer reads. {@code fields} are the event's payload (an UPDATE's changed fields), or for {@code reread} the
 * record as read again through REST (gap events, resync).
 */
@EventType("salesforce.cdc.order.changed.v1")
record OrderChanged(String entityName, String recordId, String changeType, String changeOrigin, Instant commitTimestamp,
                    long commitNumber, List<String> changedFields, Map<String, Object> fields, boolean reread) {

    OrderChanged {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        fields = fields == null ? Map.of() : fields;
    }

    /** A field of the change as text (Salesforce sends picklists and text as strings), or null. */
    String field(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
