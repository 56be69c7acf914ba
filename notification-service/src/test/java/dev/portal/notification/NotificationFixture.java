package dev.portal.notification;

import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.EventTypes;
import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.NotificationPublished;
import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * What the notification tests share: tokens with a JWKS over real HTTP, the per-JVM Kafka broker, notifications
 * published exactly as the producers' outbox relay writes them ({@code Notifications.publish} in a service), and
 * notification-service instances started as contexts of their own (two instances = two contexts, two groups).
 */
public final class NotificationFixture implements AutoCloseable {

    public static final TestTokens TOKENS = TestTokens.start();
    private static final EventCodec CODEC = new EventCodec(EventTypes.of(List.of()));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KafkaProducer<String, byte[]> producer;
    private static final java.util.Set<String> DECLARED = new java.util.HashSet<>();

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** Starts an instance and waits until it is ready (its log rebuilt); {@code overrides} are {@code key=value}. */
    public Instance start(String... overrides) {
        declareTopic(Topics.NOTIFICATIONS.name());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("portal.security.jwks-uri", TOKENS.jwksUri().toString());
        properties.put("portal.notification.shutdown.drain", "100ms");
        properties.put("portal.notification.shutdown.reconnect-spread", "200ms");
        properties.put("spring.cloud.stream.kafka.bindings.notifications-in-0.consumer.idle-event-interval", "300");
        for (String override : overrides) {
            int eq = override.indexOf('=');
            properties.put(override.substring(0, eq), override.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class,
                OwnEventLoops.class).run(args.toArray(String[]::new));
        instances.add(context);
        Instance instance = new Instance(context);
        instance.awaitReady();
        return instance;
    }

    /**
     * Each instance with Netty event loops of its own: by default all servers of a JVM share Reactor Netty's global
     * ones, and the first instance a test stops would dispose them under the others.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnEventLoops {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    /** A running instance. */
    public record Instance(ConfigurableApplicationContext context) {

        public int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }

        public SseClient stream(String token, String lastEventId) {
            return SseClient.open(baseUrl(), token, lastEventId);
        }

        public HttpResponse<String> get(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException("GET " + path, e);
            }
        }

        void awaitReady() {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        }

        /** Stops the instance as a SIGTERM would: graceful, streams handed over. */
        public void stop() {
            context.close();
        }
    }

    /** A token of a new portal user (a random user id as {@code sub}, like identity issues them). */
    public static String tokenOf(UUID user) {
        return TOKENS.valid(user.toString());
    }

    /**
     * Publishes a notification as a producer's outbox relay writes it: the producers' own record, CloudEvents
     * headers, keyed by the user id.
     *
     * @return where it was written: its SSE id
     */
    public static String publish(UUID user, String type, Map<String, ?> data) {
        return publish(UUID.randomUUID(), user, type, data, Instant.now());
    }

    /** The same, with a chosen notification id (a producer's retry writes the same one twice) and record time. */
    public static String publish(UUID notificationId, UUID user, String type, Map<String, ?> data, Instant at) {
        return publishTo(Topics.NOTIFICATIONS.name(), notificationId, user, type, data, at);
    }

    /** The same, without waiting for the broker's acknowledgement (benchmarks). */
    public static void publishAsync(UUID user, String type, Map<String, ?> data) {
        producer().send(record(Topics.NOTIFICATIONS.name(), UUID.randomUUID(), user, type, data, Instant.now()));
    }

    /** The same on a topic of the test's own (an instance reads it with {@link #readingTopic}). */
    public static String publishTo(String topic, UUID notificationId, UUID user, String type, Map<String, ?> data, Instant at) {
        declareTopic(topic);
        try {
            RecordMetadata metadata = producer().send(record(topic, notificationId, user, type, data, at)).get();
            return metadata.partition() + "-" + metadata.offset();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a notification", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, UUID notificationId, UUID user, String type,
                                                         Map<String, ?> data, Instant at) {
        NotificationPublished event = new NotificationPublished(notificationId, user, type, Map.copyOf(data), at);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), CODEC.typeOf(event),
                URI.create("urn:portal:notification-tests"), event.aggregateId(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                EventEnvelope.JSON, CODEC.serialize(event), Map.of());
        ProducerRecord<String, byte[]> written = envelope.toProducerRecord(topic);
        return new ProducerRecord<>(written.topic(), null, at.toEpochMilli(), written.key(), written.value(), written.headers());
    }

    /** The setting that makes an instance read {@code topic} instead of the catalogue's notifications topic. */
    public static String readingTopic(String topic) {
        declareTopic(topic);
        return "spring.cloud.stream.bindings.notifications-in-0.destination=" + topic;
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "0"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** A topic as every service declares the catalogue at start, so that publishing before the first instance works. */
    static synchronized void declareTopic(String topic) {
        if (DECLARED.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, Topics.NOTIFICATIONS.partitions(), (short) 1))).all().get();
            }
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not declare " + topic, e);
            }
        }
        DECLARED.add(topic);
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
    }
}
