package dev.portal.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.gateway.config.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RevocationListenerTest {

    final SessionVersions versions = new SessionVersions();
    final RevocationListener listener = new RevocationListener(new GatewayProperties.Revocation(true, "unused:9092",
            "identity.user.events", Duration.ofMinutes(30), Duration.ofSeconds(1)), versions, Clock.systemUTC());

    @Test
    void a_sessions_revoked_event_records_the_version() {
        listener.apply(record("portal.identity.sessions-revoked.v1", "{\"userId\":\"u1\",\"sessionVersion\":3,\"reason\":\"password-reset\"}"));

        assertThat(versions.latest("u1")).hasValue(3);
    }

    @Test
    void other_types_and_malformed_data_change_nothing() {
        listener.apply(record("portal.identity.user-registered.v1", "{\"userId\":\"u2\",\"sessionVersion\":3}"));
        listener.apply(record("portal.identity.sessions-revoked.v1", "{\"userId\":\"u2\",\"sessionVersion\":\"three\"}"));
        listener.apply(record("portal.identity.sessions-revoked.v1", "not json"));
        listener.apply(record(null, "{\"userId\":\"u2\",\"sessionVersion\":3}"));

        assertThat(versions.latest("u2")).isEmpty();
        assertThat(versions.size()).isZero();
    }

    private static ConsumerRecord<byte[], byte[]> record(String type, String data) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("identity.user.events", 0, 0L,
                "key".getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
