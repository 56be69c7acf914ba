package dev.portal.sandbox.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe's events: every state change becomes an {@code evt_} event, kept for {@code GET /v1/events}, and is
 * posted to each webhook endpoint signed with {@code Stripe-Signature: t=…,v1=…}; failed deliveries (non-2xx,
 * timeout, refused connection) are retried with doubling backoff. Every attempt is logged.
 */
@Component
class StripeEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

    /** One registered webhook endpoint. */
    record Endpoint(String id, URI url) {
    }

    /** One delivery attempt of one event to one endpoint. */
    record Delivery(String eventId, String type, String endpointId, String url, int attempt, int status,
                    String error, boolean succeeded, long at) {
    }

    private final StripeSettings settings;
    private final StripeIds ids;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private static final int KEPT = 5_000;

    /** Waits between attempts; the deliveries themselves run on virtual threads, so a slow endpoint blocks no other. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Object lock = new Object();
    private final List<ObjectNode> events = new ArrayList<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();

    StripeEvents(StripeSettings settings, StripeIds ids, Clock clock) {
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        reset();
    }

    /** Forgets every event, delivery and run-time endpoint; endpoints from the settings stay. */
    void reset() {
        synchronized (lock) {
            generation.incrementAndGet();
            events.clear();
            deliveries.clear();
            endpoints.clear();
            int n = 1;
            for (URI url : settings.webhookUrls()) {
                String id = "we_sandbox_" + n++;
                endpoints.put(id, new Endpoint(id, url));
            }
        }
    }

    /** Records an event and schedules its delivery to every endpoint. */
    ObjectNode emit(String type, JsonNode object, JsonNode previousAttributes, StripeOrigin origin) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        String body;
        List<Endpoint> targets;
        int gen;
        synchronized (lock) {
            targets = List.copyOf(endpoints.values());
            gen = generation.get();
            event.put("id", ids.next("evt_"));
            event.put("object", "event");
            event.put("api_version", settings.apiVersion());
            event.put("created", clock.instant().getEpochSecond());
            ObjectNode data = event.putObject("data");
            data.set("object", object.deepCopy());
            if (previousAttributes != null) {
                data.set("previous_attributes", previousAttributes.deepCopy());
            }
            event.put("livemode", false);
            event.put("pending_webhooks", targets.size());
            ObjectNode request = event.putObject("request");
            request.put("id", origin.requestId());
            request.put("idempotency_key", origin.idempotencyKey());
            event.put("type", type);
            events.addFirst(event);
            if (events.size() > KEPT) {
                events.removeLast();
            }
            body = json.writeValueAsString(event);
        }
        log.info("stripe event {} {}", event.get("id").asString(), type);
        for (Endpoint endpoint : targets) {
            workers.execute(() -> deliver(gen, event.get("id").asString(), type, endpoint, body, 1));
        }
        return event;
    }

    /** {@code GET /v1/events/{id}}: a retained event. */
    ObjectNode retrieve(String id) {
        for (ObjectNode event : events()) {
            if (id.equals(event.get("id").asString())) {
                return event;
            }
        }
        throw StripeError.noSuch("event", id, "id");
    }

    /** {@code GET /v1/events}: newest first, by {@code type} (a trailing {@code .*} matches a prefix) or {@code types[]}. */
    ObjectNode list(StripeParams p) {
        p.allow(Set.of("type", "types", "limit", "starting_after", "ending_before", "created", "delivery_success"));
        String type = p.string("type");
        List<String> types = p.strings("types");
        List<ObjectNode> matching = events().stream().filter(e -> {
            String t = e.get("type").asString();
            boolean byType = type == null || (type.endsWith(".*") ? t.startsWith(type.substring(0, type.length() - 1)) : type.equals(t));
            return byType && (types.isEmpty() || types.contains(t));
        }).toList();
        return StripeObjects.page("/v1/events", matching, p, ObjectNode::deepCopy);
    }

    List<ObjectNode> events() {
        synchronized (lock) {
            return events.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    Endpoint register(URI url) {
        synchronized (lock) {
            Endpoint endpoint = new Endpoint(ids.next("we_"), url);
            endpoints.put(endpoint.id(), endpoint);
            return endpoint;
        }
    }

    boolean unregister(String id) {
        synchronized (lock) {
            return endpoints.remove(id) != null;
        }
    }

    List<Endpoint> endpoints() {
        synchronized (lock) {
            return List.copyOf(endpoints.values());
        }
    }

    List<Delivery> deliveries() {
        synchronized (lock) {
            return List.copyOf(deliveries);
        }
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, the header Stripe signs webhooks with. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void deliver(int gen, String eventId, String type, Endpoint endpoint, String body, int attempt) {
        if (gen != generation.get()) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        int status = 0;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signature(settings.webhookSecret(), now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean succeeded = status >= 200 && status < 300;
        synchronized (lock) {
            if (gen != generation.get()) {
                return;
            }
            deliveries.add(new Delivery(eventId, type, endpoint.id(), endpoint.url().toString(), attempt, status, error,
                    succeeded, Instant.now(clock).toEpochMilli()));
            if (deliveries.size() > KEPT) {
                deliveries.removeFirst();
            }
            if (succeeded) {
                events.stream().filter(e -> e.get("id").asString().equals(eventId)).findFirst()
                        .ifPresent(e -> e.put("pending_webhooks", Math.max(0, e.get("pending_webhooks").asInt() - 1)));
            }
        }
        if (!succeeded && attempt < settings.webhookMaxAttempts()) {
            Duration wait = settings.webhookBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
            scheduler.schedule(() -> workers.execute(() -> deliver(gen, eventId, type, endpoint, body, attempt + 1)),
                    wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        workers.shutdownNow();
        http.close();
    }
}
