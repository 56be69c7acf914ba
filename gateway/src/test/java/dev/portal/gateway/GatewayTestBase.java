package dev.portal.gateway;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway for most ITs (one Spring context, cached): every service is a small real HTTP server ({@link Upstream}),
 * case-service is a port nobody listens on, tokens come from platform-security's {@link TestTokens} over a real
 * JWKS, revocations from the per-JVM test Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "portal.gateway.limits.per-ip.capacity=100000") // RateLimitIT overrides it
abstract class GatewayTestBase {

    static final String ORIGIN = "https://app.portal.test";
    static final TestTokens TOKENS = TestTokens.start();
    static final Upstream IDENTITY = Upstream.start("identity");
    static final Upstream CATALOG = Upstream.start("catalog");
    static final Upstream ORDER = Upstream.start("order");
    static final Upstream BILLING = Upstream.start("billing");
    static final Upstream SIM = Upstream.start("sim");
    static final Upstream WISHLIST = Upstream.start("wishlist");
    static final Upstream NOTIFICATION = Upstream.start("notification");
    static final int DEAD_PORT = Upstream.deadPort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("PORTAL_IDENTITY_URL", IDENTITY::url);
        registry.add("PORTAL_CATALOG_URL", CATALOG::url);
        registry.add("PORTAL_ORDER_URL", ORDER::url);
        registry.add("PORTAL_BILLING_URL", BILLING::url);
        registry.add("PORTAL_SIM_URL", SIM::url);
        registry.add("PORTAL_WISHLIST_URL", WISHLIST::url);
        registry.add("PORTAL_NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("PORTAL_CASE_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("portal.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("portal.gateway.routes.order.timeout", () -> "1500ms");
        registry.add("portal.gateway.breaker.window", () -> "6");
        registry.add("portal.gateway.breaker.minimum-calls", () -> "6");
        registry.add("portal.gateway.breaker.open-for", () -> "5m");
        registry.add("portal.gateway.cors.origins", () -> ORIGIN);
        registry.add("portal.web.max-request-size", () -> "16KB");
        registry.add("portal.gateway.openapi.timeout", () -> "1s");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        revocationTopic();
    }

    static final String REVOCATION_TOPIC = "identity.user.events";

    /** identity-service declares the topic in the suite; here the tests do, before the gateway's binding looks for it. */
    static void revocationTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(REVOCATION_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(REVOCATION_TOPIC, 6, (short) 1))).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    /** The operators' port: actuator endpoints are served there, never on the internet-facing one. */
    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    int managementPort;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(15));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    /**
     * A GET from another loopback address ({@code 127.0.0.2}, ...): a client of its own to the gateway, since Linux
     * routes the whole of 127.0.0.0/8 to this host.
     */
    HttpResponse<String> getFrom(String sourceAddress, String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try (HttpClient client = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName(sourceAddress))
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).timeout(Duration.ofSeconds(15)).GET());
    }

    HttpResponse<String> getWithToken(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String code(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
