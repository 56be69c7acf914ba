package dev.portal.cases;

import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records as the other parts of the suite put them on Kafka, sent to the per-JVM broker: Case changes shaped exactly
 * like cdc-bridge's and identity's user events exactly as docs/events.md describes them.
 */
public final class ChangeEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = producer();

    private ChangeEvents() {
    }

    /** One Case change; build it with {@link #caseChange(String, String)}. */
    public static final class CaseChange {

        private final String caseId;
        private final String changeType;
        private String eventId = UUID.randomUUID().toString();
        private Instant at = Instant.now();
        private boolean byPortal;
        private boolean reread;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final List<String> changedFields = new ArrayList<>();

        private CaseChange(String caseId, String changeType) {
            this.caseId = caseId;
            this.changeType = changeType;
        }

        /** A field the change carries; for an UPDATE it is also listed as changed. */
        public CaseChange field(String name, Object value) {
            fields.put(name, value);
            if (changeType.equals("UPDATE")) {
                changedFields.add(name);
            }
            return this;
        }

        /** An UPDATE's changed field without a value: it was cleared. */
        public CaseChange cleared(String name) {
            changedFields.add(name);
            return this;
        }

        public CaseChange byThePortal() {
            byPortal = true;
            return this;
        }

        /** The record as cdc-bridge read it again (gap events, resync): the fields are the whole case. */
        public CaseChange reread() {
            reread = true;
            return this;
        }

        public CaseChange committedAt(Instant commitTime) {
            at = commitTime;
            return this;
        }

        /** The same event again: a redelivery keeps its id. */
        public CaseChange withEventId(String id) {
            eventId = id;
            return this;
        }

        /** Sends it; returns its event id. */
        public String send() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("entityName", "Case");
            data.put("recordId", caseId);
            data.put("changeType", changeType);
            data.put("changeOrigin", byPortal ? "com/salesforce/api/rest/62.0;client=portal" : "");
            data.put("transactionKey", UUID.randomUUID().toString());
            data.put("sequenceNumber", 1);
            data.put("commitTimestamp", at.toString());
            data.put("commitNumber", 1);
            data.put("commitUser", "005Sb0000000002IAA");
            List<String> changed = new ArrayList<>(changedFields);
            if (changeType.equals("UPDATE")) {
                changed.add("LastModifiedDate");
            }
            data.put("changedFields", changed);
            data.put("fields", fields);
            data.put("reread", reread);
            EventEnvelope envelope = new EventEnvelope(eventId, "salesforce.cdc.case.changed.v1", URI.create("urn:salesforce:org"), caseId,
                    at.atOffset(ZoneOffset.UTC), EventEnvelope.JSON, ApiClient.jsonMapper().writeValueAsBytes(data), Map.of(),
                    Map.of("changetype", changeType, "sfchannel", "/data/CaseChangeEvent", "portalorigin", Boolean.toString(byPortal),
                            "changeorigin", (String) data.get("changeOrigin")));
            ChangeEvents.send(envelope.toProducerRecord(Topics.SALESFORCE_CASE.name()));
            return eventId;
        }
    }

    public static CaseChange caseChange(String caseId, String changeType) {
        return new CaseChange(caseId, changeType);
    }

    /** {@code portal.identity.user-registered.v1} for a user of {@code accountId}; returns its event id. */
    public static String userRegistered(UUID userId, String accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId.toString());
        data.put("email", "user-" + userId + "@example.jp");
        data.put("firstName", "Test");
        data.put("lastName", "User");
        data.put("whmcsClientId", 1);
        data.put("sfAccountId", accountId);
        data.put("registeredAt", Instant.now().toString());
        return identity("portal.identity.user-registered.v1", userId, data);
    }

    /** {@code portal.identity.account-linked.v1}; returns its event id. */
    public static String accountLinked(UUID userId, String accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId.toString());
        data.put("whmcsClientId", 3);
        data.put("sfAccountId", accountId);
        data.put("linkedAt", Instant.now().toString());
        return identity("portal.identity.account-linked.v1", userId, data);
    }

    /** Another type on identity's topic ({@code sessions-revoked}), which case-service has no business with. */
    public static String sessionsRevoked(UUID userId) {
        return identity("portal.identity.sessions-revoked.v1", userId,
                Map.of("userId", userId.toString(), "sessionVersion", 2, "revokedAt", Instant.now().toString(), "reason", "user-request"));
    }

    private static String identity(String type, UUID userId, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        EventEnvelope envelope = new EventEnvelope(id, type, URI.create("urn:portal:identity-service"), userId.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, ApiClient.jsonMapper().writeValueAsBytes(data), Map.of());
        send(envelope.toProducerRecord(Topics.IDENTITY_USER_EVENTS.name()));
        return id;
    }

    /** A record on {@code topic} keyed by {@code key} that is not a CloudEvent at all. */
    public static void garbage(String topic, String key) {
        send(new ProducerRecord<>(topic, key, "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            PRODUCER.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
