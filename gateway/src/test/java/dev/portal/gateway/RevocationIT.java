package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * identity-service announces revocations on Kafka ({@code portal.identity.sessions-revoked.v1}, CloudEvents binary
 * mode); from then on the gateway refuses the user's older tokens with 401 {@code token-revoked}.
 */
class RevocationIT extends GatewayTestBase {

    static final String TOPIC = REVOCATION_TOPIC;

    @Test
    void tokens_issued_before_a_revocation_are_refused_and_newer_ones_pass() throws Exception {
        String user = "user-revoked-" + UUID.randomUUID();
        String before = TOKENS.token(user, claims -> claims.claim("sv", 1));
        String after = TOKENS.token(user, claims -> claims.claim("sv", 2));
        String bystander = TOKENS.token("user-bystander", claims -> claims.claim("sv", 0));
        assertThat(getWithToken("/api/orders/r1", before).statusCode()).isEqualTo(200);

        publish(user, "portal.identity.sessions-revoked.v1",
                "{\"userId\":\"" + user + "\",\"sessionVersion\":2,\"revokedAt\":\"2026-12-05T02:00:00Z\",\"reason\":\"password-reset\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = getWithToken("/api/orders/r2", before);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("token-revoked");
        });
        assertThat(get("/api/orders/r3", "Cookie", "portal_access=" + before).statusCode()).isEqualTo(401);
        assertThat(getWithToken("/api/orders/r4", after).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/api/orders/r5", bystander).statusCode()).isEqualTo(200);
    }

    @Test
    void other_event_types_are_ignored() throws Exception {
        String user = "user-registered-" + UUID.randomUUID();
        String token = TOKENS.token(user, claims -> claims.claim("sv", 0));
        publish(user, "portal.identity.user-registered.v1", "{\"userId\":\"" + user + "\",\"sessionVersion\":5}");
        // a revocation of someone else, published after it, shows the listener has read past the ignored event
        String marker = "user-marker-" + UUID.randomUUID();
        publish(marker, "portal.identity.sessions-revoked.v1", "{\"userId\":\"" + marker + "\",\"sessionVersion\":1}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getWithToken("/api/orders/m1", TOKENS.token(marker, c -> c.claim("sv", 0))).statusCode()).isEqualTo(401));

        assertThat(getWithToken("/api/orders/m2", token).statusCode()).isEqualTo(200);
    }

    static void publish(String key, String type, String data) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type)
                .withSource(URI.create("urn:portal:identity-service")).withSubject(key).withTime(OffsetDateTime.now())
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(KafkaMessageFactory.createWriter(TOPIC, key).writeBinary(event)).get();
        }
    }
}
