package dev.portal.cdcbridge;

import dev.portal.cdcbridge.publishing.ChangeHeaders;
import dev.portal.cdcbridge.status.CdcHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static dev.portal.cdcbridge.BridgeFixture.data;
import static dev.portal.cdcbridge.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GAP_* events are re-read through REST; a replay id the server no longer retains runs the configured policy. */
@ExtendWith(BridgeFixture.PerTest.class)
class CdcRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACCOUNTS = "/data/AccountChangeEvent";

    @Test
    void rereads_the_records_of_a_gap_event_through_rest_and_publishes_their_state(BridgeFixture f) {
        f.start();
        f.readFromNow();

        long gap = f.emit("""
                {"entityName":"Account","changeType":"GAP_UPDATE","recordIds":["001Sb0000000001IAA","001Sb0000000002IAA"]}""").getFirst();

        await().atMost(WAIT).until(() -> f.records().size() >= 2);
        assertThat(f.records()).hasSize(2).allSatisfy(r -> {
            assertThat(header(r, ChangeHeaders.CHANGE_TYPE)).isEqualTo("GAP_UPDATE");
            assertThat(header(r, ChangeHeaders.REPLAY_ID)).isEqualTo(Long.toString(gap));
            assertThat(data(r).path("reread").asBoolean()).isTrue();
            assertThat(data(r).path("fields").path("Id").asString()).isEqualTo(r.key());
        });
        ConsumerRecord<String, byte[]> hanako = recordOf(f, "001Sb0000000001IAA", "GAP_UPDATE").orElseThrow();
        assertThat(data(hanako).path("fields").path("SF_Account_No__c").asString()).isEqualTo("SF-100001");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == gap);
    }

    @Test
    void gap_overflow_resyncs_the_records_changed_since_the_watermark(BridgeFixture f) {
        f.start();
        f.readFromNow();
        long first = CdcBridgeIT.accountEvent(f, "watermark");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == first);
        f.sandbox.admin("PATCH", "/sandbox/admin/salesforce/records/Account/001Sb0000000002IAA", "{\"Phone\":\"06-0000-0002\"}");

        long overflow = f.emit("{\"entityName\":\"Account\",\"changeType\":\"GAP_OVERFLOW\"}").getFirst();

        await().atMost(WAIT).until(() -> recordOf(f, "001Sb0000000002IAA", "GAP_OVERFLOW").isPresent());
        ConsumerRecord<String, byte[]> resynced = recordOf(f, "001Sb0000000002IAA", "GAP_OVERFLOW").orElseThrow();
        assertThat(data(resynced).path("fields").path("Phone").asString()).isEqualTo("06-0000-0002");
        assertThat(data(resynced).path("reread").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == overflow);
    }

    @Test
    void a_stale_replay_id_resyncs_from_the_watermark_and_continues_with_new_events(BridgeFixture f) {
        ConfigurableApplicationContext first = f.start("portal.cdc.stale-replay-policy=resync");
        f.readFromNow();
        long stored = CdcBridgeIT.accountEvent(f, "before");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == stored);
        first.close();

        f.sandbox.admin("PATCH", "/sandbox/admin/salesforce/records/Account/001Sb0000000003IAA", "{\"Phone\":\"06-0000-0003\"}");
        f.sandbox.admin("POST", BridgeFixture.STREAMING + "events/expire", "{}");
        ConfigurableApplicationContext second = f.start("portal.cdc.stale-replay-policy=resync");

        await().atMost(WAIT).until(() -> recordOf(f, "001Sb0000000003IAA", "RESYNC").isPresent());
        ConsumerRecord<String, byte[]> resynced = recordOf(f, "001Sb0000000003IAA", "RESYNC").orElseThrow();
        assertThat(data(resynced).path("fields").path("Phone").asString()).isEqualTo("06-0000-0003");
        assertThat(header(resynced, ChangeHeaders.REPLAY_ID)).isNull();
        assertThat(second.getBean(MeterRegistry.class).counter("portal.cdc.stale.replay", "channel", ACCOUNTS, "policy", "RESYNC").count())
                .isEqualTo(1.0);

        long next = CdcBridgeIT.accountEvent(f, "after");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == next);
        assertThat(f.replayIdsOnKafka()).contains(stored, next);
    }

    @Test
    void a_stale_replay_id_under_the_stop_policy_stops_the_channel_and_turns_health_down_without_skipping(BridgeFixture f) throws Exception {
        ConfigurableApplicationContext first = f.start("portal.cdc.stale-replay-policy=stop");
        f.readFromNow();
        long stored = CdcBridgeIT.accountEvent(f, "before");
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == stored);
        first.close();

        f.sandbox.admin("POST", BridgeFixture.STREAMING + "events/expire", "{}");
        ConfigurableApplicationContext second = f.start("portal.cdc.stale-replay-policy=stop");
        CdcHealthIndicator health = second.getBean(CdcHealthIndicator.class);

        await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat(health.health().getDetails()).containsKey("stopped");
        assertThat(second.getBean(MeterRegistry.class).counter("portal.cdc.stale.replay", "channel", ACCOUNTS, "policy", "STOP").count())
                .isEqualTo(1.0);

        CdcBridgeIT.accountEvent(f, "not forwarded");
        long order = f.emit("{\"entityName\":\"Order\",\"changeType\":\"UPDATE\",\"recordIds\":[\"801Sb0000000001IAA\"]}").getFirst();
        await().atMost(WAIT).until(() -> f.checkpoint("/data/OrderChangeEvent").orElse(0) == order);
        assertThat(f.checkpoint(ACCOUNTS)).hasValue(stored);
        assertThat(f.drain()).noneMatch(r -> r.topic().equals("salesforce.cdc.account") && !header(r, ChangeHeaders.REPLAY_ID).equals(Long.toString(stored)));
        // the stream keeps running for the other channels, so readiness stays up
        assertThat(get(second, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(second, "/actuator/health").statusCode()).isEqualTo(503);
    }

    private static Optional<ConsumerRecord<String, byte[]>> recordOf(BridgeFixture f, String key, String changeType) {
        return f.records().stream().filter(r -> key.equals(r.key()) && changeType.equals(header(r, ChangeHeaders.CHANGE_TYPE))).findFirst();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        URI uri = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
