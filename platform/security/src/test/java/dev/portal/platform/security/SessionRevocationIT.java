package dev.portal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.WithInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service behind the gateway refuses a revoked session's token itself: a caller that reaches it directly, past the
 * gateway, gains nothing. Revocations come from Kafka as identity-service announces them.
 */
@SpringBootTest(classes = SessionRevocationIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=revocation-it", "spring.cloud.function.definition=sessionRevocations"})
@WithInfrastructure(postgres = false)
class SessionRevocationIT {

    static final TestTokens TOKENS = TestTokens.start();
    static final String TOPIC = "identity.user.events";
    static final String REVOKED_BEFORE_START = "user-before-" + UUID.randomUUID();

    @DynamicPropertySource
    static void jwksAndAnEarlierRevocation(DynamicPropertyRegistry registry) throws Exception {
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
        }
        revoke(REVOKED_BEFORE_START, 4);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort int port;

    @Test
    void a_revoked_sessions_token_sent_straight_to_the_service_is_refused() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String before = TOKENS.token(user, claims -> claims.claim("sv", 1));
        String after = TOKENS.token(user, claims -> claims.claim("sv", 2));
        assertThat(get(before).statusCode()).isEqualTo(200);

        revoke(user, 2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(before).statusCode()).isEqualTo(401));
        assertThat(ApiClient.problemCode(get(before))).isEqualTo("unauthenticated");
        assertThat(get(after).statusCode()).as("a token of the new session").isEqualTo(200);
        assertThat(get(TOKENS.token("someone-else", claims -> claims.claim("sv", 0))).statusCode()).isEqualTo(200);
    }

    @Test
    void a_revocation_announced_before_the_service_started_is_enforced_too() {
        String old = TOKENS.token(REVOKED_BEFORE_START, claims -> claims.claim("sv", 3));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(old).statusCode()).isEqualTo(401));
        assertThat(get(TOKENS.token(REVOKED_BEFORE_START, claims -> claims.claim("sv", 4))).statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> get(String token) {
        return ApiClient.on(port).withBearer(token).withTimeout(Duration.ofSeconds(10)).get("/api/whoami");
    }

    static void revoke(String user, int version) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType("portal.identity.sessions-revoked.v1")
                .withSource(URI.create("urn:portal:identity-service")).withSubject(user).withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(("{\"userId\":\"" + user + "\",\"sessionVersion\":" + version + ",\"reason\":\"logout-everywhere\"}")
                        .getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(KafkaMessageFactory.createWriter(TOPIC, user).writeBinary(event)).get();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WhoAmI.class)
    static class App {
    }

    @RestController
    static class WhoAmI {

        private final CurrentUser currentUser;

        WhoAmI(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        @GetMapping("/api/whoami")
        String whoami() {
            return currentUser.get().id();
        }
    }
}
