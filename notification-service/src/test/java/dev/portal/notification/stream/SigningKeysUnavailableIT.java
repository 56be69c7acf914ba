package dev.portal.notification.stream;

import static dev.portal.notification.NotificationFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.notification.NotificationFixture;
import dev.portal.notification.SseClient;
import dev.portal.platform.test.ApiClient;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without the identity service's signing keys no token can be checked: a 503 problem, not a 401 and not a stream. */
class SigningKeysUnavailableIT {

    static final NotificationFixture fixture = new NotificationFixture();
    static NotificationFixture.Instance instance;

    @BeforeAll
    static void start() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        instance = fixture.start("portal.security.jwks-uri=http://127.0.0.1:" + nobody + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_stream_asked_for_while_the_signing_keys_cannot_be_fetched_is_a_503_problem() {
        try (SseClient client = instance.stream(tokenOf(UUID.randomUUID()), null)) {
            assertThat(client.status()).isEqualTo(503);
            assertThat(client.response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(ApiClient.jsonMapper().readTree(client.body()).path("code").asString()).isEqualTo("upstream-unavailable");
        }
    }
}
