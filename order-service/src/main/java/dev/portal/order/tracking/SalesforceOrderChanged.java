package dev.portal.order.tracking;

import dev.portal.platform.events.EventType;
import java.util.List;
import java.util.Map;

/**
 * A change of a Salesforce Order as cdc-bridge forwards it (docs/events.md), with the fields this service reads.
 *
 * @param changeType {@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code UNDELETE}, {@code GAP_*} or {@code RESYNC}
 * @param fields     the event's fields (for an update: the changed ones), or the whole record when {@code reread}
 */
@EventType("salesforce.cdc.order.changed.v1")
record SalesforceOrderChanged(String recordId, String changeType, List<String> changedFields, Map<String, Object> fields,
                              boolean reread) {

    SalesforceOrderChanged {
        changedFields = changedFields == null ? List.of() : changedFields;
        fields = fields == null ? Map.of() : fields;
    }
}
