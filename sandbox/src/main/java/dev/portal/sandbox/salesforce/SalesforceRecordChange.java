package dev.portal.sandbox.salesforce;

import java.util.List;
import java.util.Map;

/**
 * One record change as Change Data Capture reports it (the {@code ChangeEventHeader} fields plus the payload
 * fields). The REST simulator and the admin API publish a {@link SalesforceRecordsChanged} per transaction; the streaming
 * simulator turns each change into a change event on its channels.
 *
 * @param entityName    object API name, e.g. {@code Order}
 * @param changeType    CREATE, UPDATE, DELETE, UNDELETE, or a GAP_* / GAP_OVERFLOW type
 * @param recordIds     18-character ids (several when identical changes are merged)
 * @param changedFields for UPDATE: the changed field names, including LastModifiedDate; empty otherwise
 * @param fields        CREATE/UNDELETE: all non-null fields; UPDATE: the changed ones; DELETE and GAP_*: none
 * @param changeOrigin  {@code com/salesforce/api/rest/62.0;client=<id>} for API changes, empty for admin changes
 * @param commitUser    the user id that made the change
 */
public record SalesforceRecordChange(String entityName, String changeType, List<String> recordIds, List<String> changedFields,
                           Map<String, Object> fields, String changeOrigin, String commitUser) {

    public SalesforceRecordChange {
        recordIds = List.copyOf(recordIds);
        changedFields = List.copyOf(changedFields);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
