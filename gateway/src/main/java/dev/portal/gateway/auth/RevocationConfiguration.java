package dev.portal.gateway.auth;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.platform.stream.EventConsumers;
import dev.portal.platform.stream.SeekToTime;
import java.time.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Revocations from identity's user events (binding {@code revocations-in-0}): every instance reads every partition
 * (a group of its own, {@code gateway-${portal.instance-id}}), starting {@code lookback} ago, since a revocation older
 * than the longest token lifetime cannot matter any more. The gateway is not ready until it has read them
 * ({@link RevocationReadiness}); a later Kafka outage only makes revocation lag until Kafka is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.gateway.revocation.enabled", matchIfMissing = true)
class RevocationConfiguration {

    static final String BINDING = "revocations-in-0";

    @Bean
    Consumer<Message<byte[]>> revocations(EventConsumers consumers, SessionVersions versions, RevocationReadiness readiness) {
        // the topic carries every user event; only revocations are the gateway's business
        Consumer<Message<byte[]>> apply = consumers.idempotent(SessionsRevoked.class, new Revocations(versions)::apply)
                .ignoringOtherTypes();
        return message -> {
            try {
                apply.accept(message);
            } finally {
                // handled, whatever it was (a malformed one leaves for the DLT after its retries and is not read again)
                readiness.read(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                        message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                        message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
            }
        };
    }

    /** Health {@code revocations} (in the readiness group) and the gauge {@code portal.gateway.revocations.ready}. */
    @Bean
    RevocationReadiness revocationsHealthIndicator(GatewayProperties properties, MeterRegistry meters) {
        RevocationReadiness readiness = new RevocationReadiness(properties.revocation().lookback());
        Gauge.builder("portal.gateway.revocations.ready", readiness, r -> r.isReady() ? 1 : 0)
                .description("1 once the revocations of the lookback window are read; 0 while a revoked token could pass")
                .register(meters);
        return readiness;
    }

    @Bean
    KafkaBindingRebalanceListener revocationsFromLookback(GatewayProperties properties, Clock clock, RevocationReadiness readiness) {
        return new RevocationsFromLookback(BINDING, new SeekToTime(BINDING, properties.revocation().lookback(), clock), readiness);
    }
}
