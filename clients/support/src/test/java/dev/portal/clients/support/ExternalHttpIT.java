package dev.portal.clients.support;

import dev.portal.platform.test.FixtureServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static dev.portal.platform.test.FixtureServer.delayed;
import static dev.portal.platform.test.FixtureServer.html;
import static dev.portal.platform.test.FixtureServer.json;
import static dev.portal.platform.test.FixtureServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared HTTP path over a real loopback server: timeouts, safe retries, breaker, unreadable answers. */
class ExternalHttpIT {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS
            .withReadTimeout(Duration.ofMillis(400))
            .withRetry(3, Duration.ofMillis(10))
            .withBreaker(50, 4, Duration.ofSeconds(30));

    record Item(int id, String name) {
    }

    private FixtureServer server;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ExternalHttp http(HttpSettings settings) {
        return http(settings, server.baseUrl());
    }

    private static ExternalHttp http(HttpSettings settings, URI base) {
        return new ExternalHttp("vendor", base, settings, RestClient.builder(), ExternalCalls.unobserved("vendor", settings));
    }

    private static ExternalHttp.Response get(ExternalHttp http, ExternalCalls.Repeat repeat) {
        return http.send("GetItem", repeat, rest -> rest.get().uri("/item"));
    }

    @Test
    void safeCallIsRetriedPastTransient5xx() {
        server.on("GET", "/item", html(503, "<h1>busy</h1>"), html(502, "<h1>bad gateway</h1>"), json(200, "{\"id\":7,\"name\":\"seven\"}"));

        ExternalHttp.Response response = get(http(FAST), ExternalCalls.Repeat.SAFE);

        assertThat(LenientJson.read("vendor", "GetItem", response, Item.class)).isEqualTo(new Item(7, "seven"));
        assertThat(server.requests()).as("attempts on the wire").hasSize(3);
    }

    @Test
    void onceCallIsNotRepeatedAfter5xx() {
        server.on("POST", "/item", html(503, "<h1>busy</h1>"), json(201, "{}"));

        assertThatThrownBy(() -> http(FAST).send("AddItem", ExternalCalls.Repeat.ONCE, rest -> rest.post().uri("/item").body("x")))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("vendor AddItem: HTTP 503");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void slowAnswerIsATimeoutRetriedOnlyWhenSafe() {
        server.on("GET", "/item", delayed(Duration.ofSeconds(3), json(200, "{}")));

        assertThatThrownBy(() -> get(http(FAST), ExternalCalls.Repeat.ONCE)).isInstanceOf(ExternalTimeoutException.class);
        assertThat(server.requests()).hasSize(1);

        assertThatThrownBy(() -> get(http(FAST), ExternalCalls.Repeat.SAFE)).isInstanceOf(ExternalTimeoutException.class);
        assertThat(server.requests()).hasSize(1 + 3);
    }

    @Test
    void droppedConnectionIsUnavailable() {
        server.on("GET", "/item", truncated(200, "{\"id\":7,\"name\":\"se", 400));

        assertThatThrownBy(() -> get(http(FAST.withRetry(1, Duration.ofMillis(1))), ExternalCalls.Repeat.SAFE))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("connection failed");
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExternalHttp http = http(FAST.withRetry(1, Duration.ofMillis(1)), URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> get(http, ExternalCalls.Repeat.SAFE))
                .isInstanceOf(ExternalUnavailableException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void unreadableAnswersAreTypedErrorsNamingWhatArrived() {
        ExternalHttp http = http(FAST);
        server.on("GET", "/item", html(200, "<!DOCTYPE html><html><body>Maintenance</body></html>"));
        ExternalHttp.Response page = get(http, ExternalCalls.Repeat.SAFE);
        assertThatThrownBy(() -> LenientJson.read("vendor", "GetItem", page, Item.class))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("HTML").hasMessageContaining("Maintenance");

        server.on("GET", "/item", json(200, "{\"id\":7,\"name\":\"se"));
        ExternalHttp.Response cut = get(http, ExternalCalls.Repeat.SAFE);
        assertThatThrownBy(() -> LenientJson.read("vendor", "GetItem", cut, Item.class))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("unreadable JSON");

        server.on("GET", "/item", json(200, "{\"id\":\"seven\",\"name\":\"seven\"}"));
        ExternalHttp.Response wrongType = get(http, ExternalCalls.Repeat.SAFE);
        assertThatThrownBy(() -> LenientJson.read("vendor", "GetItem", wrongType, Item.class))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("seven");
    }

    @Test
    void looseTypesAreAccepted() {
        server.on("GET", "/item", json(200, "{\"id\":\"7\",\"name\":42,\"extra\":\"\"}"));

        assertThat(LenientJson.read("vendor", "GetItem", get(http(FAST), ExternalCalls.Repeat.SAFE), Item.class))
                .isEqualTo(new Item(7, "42"));
    }

    @Test
    void breakerOpensAfterFailuresAndStopsSendingCalls() {
        ExternalHttp http = http(FAST.withRetry(1, Duration.ofMillis(1)));
        server.on("GET", "/item", html(503, "<h1>down</h1>"));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> get(http, ExternalCalls.Repeat.SAFE)).isInstanceOf(ExternalUnavailableException.class);
        }
        assertThat(http.calls().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> get(http, ExternalCalls.Repeat.SAFE)).isInstanceOf(CircuitOpenException.class);
        assertThat(server.requests()).as("the refused call never reached the server").hasSize(4);
    }

    @Test
    void refusalsDoNotOpenTheBreaker() {
        ExternalHttp http = http(FAST.withRetry(1, Duration.ofMillis(1)));
        server.on("GET", "/item", json(404, "{\"error\":\"no such item\"}"));
        for (int i = 0; i < 6; i++) {
            ExternalHttp.Response response = get(http, ExternalCalls.Repeat.SAFE);
            assertThat(response.status()).isEqualTo(404);
        }
        assertThat(http.calls().breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
