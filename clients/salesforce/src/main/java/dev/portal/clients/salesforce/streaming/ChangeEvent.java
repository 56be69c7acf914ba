package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.support.ExternalResponseException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Change Data Capture event as received over CometD: the {@code ChangeEventHeader} fields and the record
 * fields of the payload.
 *
 * @param channel        the subscribed channel it arrived on, e.g. {@code /data/OrderChangeEvent}
 * @param replayId       the event's replay id (opaque and increasing: store it, never compute with it)
 * @param schema         the payload's schema id
 * @param entityName     the object, e.g. {@code Order}
 * @param recordIds      the changed records (several when identical changes were merged; may be a wildcard like {@code 001*})
 * @param changeType     CREATE, UPDATE, DELETE, UNDELETE or a GAP_* type (re-read the record on a gap)
 * @param changeOrigin   {@code com/salesforce/api/<api>/<version>;client=<id>} for API changes, empty otherwise
 * @param transactionKey shared by the events of one transaction
 * @param sequenceNumber order within the transaction
 * @param commitTimestamp when the transaction committed
 * @param commitNumber   the commit's system change number
 * @param commitUser     id of the user who made the change
 * @param changedFields  the changed field names of an UPDATE (including LastModifiedDate)
 * @param fields         the payload's record fields (all non-null fields on CREATE/UNDELETE, the changed ones on UPDATE, none on DELETE and gaps)
 */
public record ChangeEvent(String channel, long replayId, String schema, String entityName, List<String> recordIds,
                          String changeType, String changeOrigin, String transactionKey, int sequenceNumber,
                          Instant commitTimestamp, long commitNumber, String commitUser, List<String> changedFields,
                          Map<String, Object> fields) {

    public ChangeEvent {
        recordIds = List.copyOf(recordIds);
        changedFields = List.copyOf(changedFields);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether this is a gap event: the change is not described, the record must be read again. */
    public boolean gap() {
        return changeType.startsWith("GAP_");
    }

    /**
     * Reads the {@code data} of a CometD event message. Field order is not guaranteed and numbers may come as any
     * numeric type; a message without the header or the replay id is a malformed answer.
     */
    static ChangeEvent of(String channel, Map<String, Object> data) {
        if (data == null) {
            throw malformed(channel, "no data");
        }
        Map<String, Object> payload = map(data.get("payload"));
        Map<String, Object> header = payload == null ? null : map(payload.get("ChangeEventHeader"));
        Map<String, Object> event = map(data.get("event"));
        if (header == null || event == null || !(event.get("replayId") instanceof Number replayId)) {
            throw malformed(channel, "no ChangeEventHeader or event.replayId");
        }
        String entityName = string(header.get("entityName"));
        String changeType = string(header.get("changeType"));
        if (entityName == null || changeType == null) {
            throw malformed(channel, "header without entityName or changeType");
        }
        Map<String, Object> fields = new LinkedHashMap<>(payload);
        fields.remove("ChangeEventHeader");
        return new ChangeEvent(channel, replayId.longValue(), string(data.get("schema")), entityName,
                strings(header.get("recordIds")), changeType, orEmpty(string(header.get("changeOrigin"))),
                orEmpty(string(header.get("transactionKey"))), (int) number(header.get("sequenceNumber")),
                Instant.ofEpochMilli(number(header.get("commitTimestamp"))), number(header.get("commitNumber")),
                orEmpty(string(header.get("commitUser"))), strings(header.get("changedFields")), fields);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object o : array) {
                list.add(String.valueOf(o));
            }
        } else if (value instanceof List<?> l) {
            l.forEach(o -> list.add(String.valueOf(o)));
        } else if (value instanceof String s) {
            list.add(s);
        }
        return list;
    }

    private static ExternalResponseException malformed(String channel, String what) {
        return new ExternalResponseException("salesforce", "streaming " + channel, 200, "malformed change event: " + what, null);
    }
}
