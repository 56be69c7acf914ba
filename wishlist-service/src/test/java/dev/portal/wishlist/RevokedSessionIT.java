package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.net.http.HttpRequest;
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
import org.springframework.beans.factory.annotation.Value;

/**
 * A caller who reaches the wishlist service directly, past the gateway, cannot use a token of a session that
 * identity-service revoked (logout everywhere, password reset): the service reads the revocations itself.
 */
class RevokedSessionIT extends WishlistTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void a_revoked_sessions_token_sent_straight_to_the_wishlist_service_is_refused() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String before = TOKENS.token(user, claims -> claims.claim("sv", 1));
        assertThat(getGroups(before).statusCode()).isEqualTo(200);

        revoke(user, 2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(getGroups(before).statusCode()).isEqualTo(401));
        assertThat(getGroups(TOKENS.token(user, claims -> claims.claim("sv", 2))).statusCode()).as("the new session").isEqualTo(200);
    }

    private HttpResponse<String> getGroups(String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/groups"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).GET());
    }

    private void revoke(String user, int version) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType("portal.identity.sessions-revoked.v1")
                .withSource(URI.create("urn:portal:identity-service")).withSubject(user).withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(("{\"userId\":\"" + user + "\",\"sessionVersion\":" + version + ",\"reason\":\"password-reset\"}")
                        .getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(KafkaMessageFactory.createWriter("identity.user.events", user).writeBinary(event)).get();
        }
    }
}
