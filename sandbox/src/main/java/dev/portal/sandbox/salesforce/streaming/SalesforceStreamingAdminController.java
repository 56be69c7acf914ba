package dev.portal.sandbox.salesforce.streaming;

import dev.portal.platform.web.ProblemException;
import dev.portal.sandbox.salesforce.SalesforceRecordChange;
import dev.portal.sandbox.salesforce.SalesforceRecordsChanged;
import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Scenario endpoints of the streaming simulator, under {@code /sandbox/admin/salesforce/streaming/}. */
@RestController
@RequestMapping("/sandbox/admin/salesforce/streaming")
class SalesforceStreamingAdminController {

    private static final Set<String> CHANGE_TYPES = Set.of("CREATE", "UPDATE", "DELETE", "UNDELETE",
            "GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW");
    private static final Map<String, String> PREFIXES = Map.of("Account", "001", "Contact", "003", "Case", "500",
            "Order", "801", "OrderItem", "802", "Pricebook2", "01s", "PricebookEntry", "01u", "Product2", "01t");
    private static final int MAX_LOAD = 100_000;

    private final SalesforceChangeEventStreams streams;
    private final SalesforceStreamingSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SalesforceStreamingAdminController(SalesforceChangeEventStreams streams, SalesforceStreamingSettings settings,
                                       ApplicationEventPublisher publisher, Clock clock) {
        this.streams = streams;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * One change to emit; only {@code entityName} and {@code changeType} are required. Gap events carry the header
     * only, whatever {@code fields} says.
     */
    record Emit(String entityName, String changeType, List<String> recordIds, List<String> changedFields,
                Map<String, Object> fields, String changeOrigin) {
    }

    record Emitted(String transactionKey, List<Long> replayIds) {
    }

    record Load(String entityName, Integer count) {
    }

    record Expire(Instant before) {
    }

    record Timeouts(Long timeoutMs, Long maxIntervalMs) {
    }

    @PostMapping("/events")
    Emitted emit(@RequestBody Emit emit) {
        String entity = knownEntity(emit.entityName());
        String type = emit.changeType() == null ? "" : emit.changeType();
        if (!CHANGE_TYPES.contains(type)) {
            throw ProblemException.badRequest("unknown-change-type", "changeType must be one of " + CHANGE_TYPES);
        }
        List<String> ids = emit.recordIds() == null || emit.recordIds().isEmpty()
                ? List.of(SalesforceIds.next(PREFIXES.getOrDefault(entity, "a00"))) : emit.recordIds();
        boolean headerOnly = type.startsWith("GAP_") || "DELETE".equals(type);
        List<String> changed = !"UPDATE".equals(type) ? List.of()
                : emit.changedFields() != null ? emit.changedFields()
                : emit.fields() == null ? List.of("LastModifiedDate") : withLastModified(emit.fields().keySet());
        Map<String, Object> fields = headerOnly || emit.fields() == null ? Map.of() : emit.fields();
        return publish(List.of(new SalesforceRecordChange(entity, type, ids, changed, fields,
                emit.changeOrigin() == null ? "" : emit.changeOrigin(), SalesforceSessions.USER_ID)));
    }

    /** {@code count} synthetic UPDATE events on {@code entityName}, each its own transaction, for load tests. */
    @PostMapping("/events/load")
    Map<String, Object> load(@RequestBody Load load) {
        String entity = knownEntity(load.entityName());
        int count = load.count() == null ? 1 : load.count();
        if (count < 1 || count > MAX_LOAD) {
            throw ProblemException.badRequest("invalid-count", "count must be 1.." + MAX_LOAD);
        }
        String recordId = SalesforceIds.next(PREFIXES.getOrDefault(entity, "a00"));
        Long first = null;
        Long last = null;
        for (int i = 1; i <= count; i++) {
            Emitted emitted = publish(List.of(new SalesforceRecordChange(entity, "UPDATE", List.of(recordId),
                    List.of("Description", "LastModifiedDate"),
                    Map.of("Description", "load " + i, "LastModifiedDate", clock.instant().toString()), "", SalesforceSessions.USER_ID)));
            if (first == null) {
                first = emitted.replayIds().getFirst();
            }
            last = emitted.replayIds().getLast();
        }
        return Map.of("count", count, "firstReplayId", first, "lastReplayId", last);
    }

    /** Every connected client is forgotten; its next message gets {@code 403::Unknown client}. */
    @PostMapping("/clients/drop")
    Map<String, Integer> dropClients() {
        return Map.of("dropped", streams.dropAllClients());
    }

    /** Forgets retained events committed at or before {@code before} (default: now), so their replay ids become invalid. */
    @PostMapping("/events/expire")
    Map<String, Integer> expire(@RequestBody(required = false) Expire expire) {
        Instant before = expire == null || expire.before() == null ? clock.instant() : expire.before();
        int expired = streams.expireUpTo(before);
        return Map.of("expired", expired, "retained", streams.retained());
    }

    /**
     * Sets the connect hold time ({@code advice.timeout}) and the reconnect window for new connects, so tests of
     * clients can use short values; {@code POST /sandbox/admin/reset} restores the configured ones.
     */
    @org.springframework.web.bind.annotation.PutMapping("/timeouts")
    Timeouts timeouts(@RequestBody Timeouts timeouts) {
        long timeout = timeouts.timeoutMs() == null ? settings.timeout().toMillis() : timeouts.timeoutMs();
        long maxInterval = timeouts.maxIntervalMs() == null ? settings.maxInterval().toMillis() : timeouts.maxIntervalMs();
        if (timeout < 100 || maxInterval < 100) {
            throw ProblemException.badRequest("invalid-timeouts", "timeoutMs and maxIntervalMs must be at least 100");
        }
        streams.timeouts(java.time.Duration.ofMillis(timeout), java.time.Duration.ofMillis(maxInterval));
        return new Timeouts(timeout, maxInterval);
    }

    private Emitted publish(List<SalesforceRecordChange> changes) {
        String transactionKey = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        publisher.publishEvent(new SalesforceRecordsChanged(transactionKey, changes));
        return new Emitted(transactionKey, streams.replayIdsOf(transactionKey));
    }

    private String knownEntity(String entity) {
        if (entity == null || !settings.entities().contains(entity)) {
            throw ProblemException.badRequest("unknown-entity", "entityName must be one of " + settings.entities());
        }
        return entity;
    }

    private static List<String> withLastModified(Set<String> names) {
        List<String> changed = new ArrayList<>(names);
        if (!changed.contains("LastModifiedDate")) {
            changed.add("LastModifiedDate");
        }
        return changed;
    }
}
