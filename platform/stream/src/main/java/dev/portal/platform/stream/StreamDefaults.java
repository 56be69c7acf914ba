package dev.portal.platform.stream;

import dev.portal.platform.service.PlatformDefaults;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The suite's conventions for Spring Cloud Stream consumers (see {@link PlatformDefaults}); a binding in a
 * service's {@code application.yml} overrides any of them.
 */
class StreamDefaults extends PlatformDefaults {

    StreamDefaults() {
        super("portal-stream-defaults");
    }

    @Override
    protected void contribute(Map<String, Object> defaults, ConfigurableEnvironment environment) {
        // One name per process, fixed at start: a broadcast binding's group is <service>-${portal.instance-id}.
        defaults.put("portal.instance-id", "${PORTAL_INSTANCE_ID:" + instanceId(environment) + "}");
        // The same brokers as every other Kafka client of the service.
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers}");
        // Topics come from the catalogue (Topics, declared by platform-events), never from a binding's spelling.
        defaults.put("spring.cloud.stream.kafka.binder.auto-create-topics", "false");
        defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.allow.auto.create.topics", "false");
        // The consumer's span continues the producer's trace (traceparent header), and shows in the logs.
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        defaults.put("spring.cloud.stream.kafka.binder.health-timeout", "3");
        // A broker away at start: bindings are retried in the background, the service starts anyway.
        defaults.put("spring.cloud.stream.binding-retry-interval", "5");
        // Values reach the function as the bytes on the wire: the CloudEvents envelope is read by EventConsumers,
        // never by the binder's content-type conversion.
        defaults.put("spring.cloud.stream.default.consumer.use-native-decoding", "true");
        // Retries with back-off (0.5 s doubling to 10 s, 5 attempts), then <topic>.dlt (see RetryThenDeadLetter).
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "5");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "500");
        defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "10000");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        defaults.put("logging.level.org.springframework.integration", "WARN");
        defaults.put("logging.level.org.springframework.cloud.stream.binder.kafka.provisioning", "WARN");
    }

    // Host name alone is not unique when two instances share a machine; the suffix keeps their groups apart.
    private static String instanceId(ConfigurableEnvironment environment) {
        String host = environment.getProperty("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "host";
            }
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
