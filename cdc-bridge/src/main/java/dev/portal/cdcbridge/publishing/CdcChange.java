package dev.portal.cdcbridge.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The data of a bridged record: one record's change, or, for gaps and resyncs ({@code reread}), its state as read
 * again through REST.
 */
public record CdcChange(String entityName, String recordId, String changeType, String changeOrigin, String transactionKey,
                        int sequenceNumber, Instant commitTimestamp, long commitNumber, String commitUser,
                        List<String> changedFields, Map<String, Object> fields, boolean reread) {
}
