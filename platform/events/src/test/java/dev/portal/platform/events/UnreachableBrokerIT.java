package dev.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.TcpProxy;
import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose broker is away at start-up starts anyway, reports it in readiness (not liveness), and turns
 * ready, with the topic catalogue declared, once the broker answers.
 */
@SpringBootTest(classes = UnreachableBrokerIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=unreachable-broker-it", "spring.kafka.admin.operation-timeout=2s"})
class UnreachableBrokerIT {

    // Kafka clients bootstrap through the proxy; the broker's own address comes back in the metadata.
    static final TcpProxy PROXY = TcpProxy.to("127.0.0.1",
            Integer.parseInt(TestInfrastructure.kafka().bootstrapServers().replaceAll(".*:", "")));

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PROXY.port());
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort int port;

    @Test
    void starts_without_its_broker_reports_not_ready_and_heals_when_it_appears() {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"kafka\":{").contains("\"DOWN\"");

        PROXY.start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/actuator/health/readiness");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        });
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
