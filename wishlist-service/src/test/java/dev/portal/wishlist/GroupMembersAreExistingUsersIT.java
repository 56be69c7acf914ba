package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Value;

/**
 * A group's members are portal users that exist: ones identity-service registered (read from its user-registered
 * events) or ones who called with a valid token. An id no portal user has is refused and leaves no row behind.
 */
class GroupMembersAreExistingUsersIT extends WishlistTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void adding_a_member_id_no_portal_user_has_is_refused_and_leaves_no_row() {
        long group = group("alice", "Family");
        String invented = UUID.randomUUID().toString();

        HttpResponse<String> response = post("/api/v1/groups/" + group + "/members", "alice", Map.of("user_id", invented, "role", "member"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("validation-failed");
        assertThat(errorFields(response)).containsExactly("user_id");
        assertThat(count("select count(*) from users where portal_user_id = ?", invented)).isZero();
        assertThat(count("select count(*) from group_members where group_id = ?", group)).isEqualTo(1);
    }

    @Test
    void a_user_identity_registered_can_be_added_before_their_first_request() throws Exception {
        long group = group("alice", "Family");
        UUID registered = UUID.randomUUID();

        publishUserRegistered(registered, "new-user@example.com");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                post("/api/v1/groups/" + group + "/members", "alice", Map.of("user_id", registered.toString(), "role", "member"))
                        .statusCode()).isEqualTo(201));
        assertThat(json(get("/api/v1/groups/" + group, registered.toString())).path("role").asString()).isEqualTo("member");
    }

    private void publishUserRegistered(UUID user, String email) throws Exception {
        String data = "{\"userId\":\"" + user + "\",\"email\":\"" + email + "\",\"firstName\":\"Hanako\",\"lastName\":\"Yamada\","
                + "\"whmcsClientId\":7,\"sfAccountId\":\"001000000000001AAA\",\"registeredAt\":\"2026-12-01T00:00:00Z\"}";
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType("portal.identity.user-registered.v1")
                .withSource(URI.create("urn:portal:identity-service")).withSubject(user.toString()).withTime(OffsetDateTime.now())
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(KafkaMessageFactory.createWriter("identity.user.events", user.toString()).writeBinary(event)).get();
        }
    }
}
