package dev.portal.sandbox.salesforce.streaming;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Streaming API client speaking raw Bayeux JSON over HTTP the way Salesforce's docs and EMP-Connector do:
 * POSTs of message arrays to {@code /cometd/<version>}, a bearer token on every request, cookies kept.
 */
final class BayeuxExchange {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String authorization;
    final CookieManager cookies;
    String clientId;

    BayeuxExchange(URI endpoint, String authorization) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.cookies = (CookieManager) http.cookieHandler().orElseThrow();
    }

    /** Posts the messages and returns every message of the answer. */
    List<JsonNode> post(Map<?, ?>... messages) {
        ArrayNode body = JSON.createArrayNode();
        for (Map<?, ?> message : messages) {
            body.add(JSON.valueToTree(message));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            List<JsonNode> answer = new ArrayList<>();
            JSON.readTree(response.body()).forEach(answer::add);
            return answer;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode handshake() {
        JsonNode reply = post(Map.of("channel", "/meta/handshake", "version", "1.0", "minimumVersion", "1.0",
                "supportedConnectionTypes", List.of("long-polling"), "ext", Map.of("replay", true))).getFirst();
        if (reply.path("successful").asBoolean()) {
            clientId = reply.get("clientId").asString();
        }
        return reply;
    }

    JsonNode subscribe(String channel, long replayId) {
        return post(Map.of("channel", "/meta/subscribe", "clientId", clientId, "subscription", channel,
                "ext", Map.of("replay", Map.of(channel, replayId)))).getFirst();
    }

    /** One {@code /meta/connect}: its reply first, then any events. */
    List<JsonNode> connect() {
        return post(Map.of("channel", "/meta/connect", "clientId", clientId, "connectionType", "long-polling"));
    }

    /** Connects until {@code count} events arrived (or 10 connects passed) and returns the events. */
    List<JsonNode> events(int count) {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 10 && events.size() < count; i++) {
            for (JsonNode message : connect()) {
                if (!message.get("channel").asString().startsWith("/meta/")) {
                    events.add(message);
                }
            }
        }
        return events;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
