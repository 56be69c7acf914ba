package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A gateway that cannot read revocations at start (Kafka unreachable) fails closed: alive, but not ready, so no
 * traffic reaches it while a revoked token would pass; the health names why and the gauge says 0.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=127.0.0.1:1", "portal.security.jwks-uri=http://127.0.0.1:1/jwks.json"})
class RevocationsUnreadableIT {

    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    int managementPort;

    @Test
    void a_gateway_that_cannot_read_revocations_at_start_is_not_ready_and_says_so_in_a_metric() {
        ApiClient api = ApiClient.on(managementPort).withTimeout(Duration.ofSeconds(10));
        // down from the start, and still down after the binding's first attempts
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/actuator/health/readiness").statusCode() == 503);

        HttpResponse<String> readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(ApiClient.json(readiness).path("components").path("revocations").path("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).containsPattern("portal_gateway_revocations_ready\\{[^}]*} 0\\.0");
    }
}
