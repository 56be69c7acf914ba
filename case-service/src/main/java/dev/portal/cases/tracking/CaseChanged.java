package dev.portal.cases.tracking;

import dev.portal.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Case's change as cdc-bridge publishes it (docs/events.md), read for what the view needs. The change type and
 * whether the portal itself made the change travel as the {@code ce_changetype} and {@code ce_portalorigin} attributes.
 *
 * @param changedFields the fields an UPDATE changed (their new values, or their absence for a cleared field, in {@code fields})
 * @param fields        CREATE/UNDELETE: every non-null field; UPDATE: the changed ones; {@code reread}: the record as read again
 * @param reread        the fields are the record as cdc-bridge read it again (gap events, resync), not the event's own
 */
@EventType("salesforce.cdc.case.changed.v1")
record CaseChanged(String recordId, String changeType, Instant commitTimestamp, List<String> changedFields,
                   Map<String, Object> fields, boolean reread) {

    CaseChanged {
        changedFields = changedFields == null ? List.of() : changedFields;
        fields = fields == null ? Map.of() : fields;
    }
}
