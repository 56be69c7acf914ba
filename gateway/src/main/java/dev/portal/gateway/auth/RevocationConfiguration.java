package dev.portal.gateway.auth;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.platform.stream.EventConsumers;
import dev.portal.platform.stream.SeekToTime;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Revocations from identity's user events (binding {@code revocations-in-0}): every instance reads every partition
 * (a group of its own, {@code gateway-${portal.instance-id}}), starting {@code lookback} ago, since a revocation older
 * than the longest token lifetime cannot matter any more. Kafka being away never stops the gateway from serving:
 * the binding waits in the background and revocation lags until Kafka is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.gateway.revocation.enabled", matchIfMissing = true)
class RevocationConfiguration {

    static final String BINDING = "revocations-in-0";

    @Bean
    Consumer<Message<byte[]>> revocations(EventConsumers consumers, SessionVersions versions) {
        // the topic carries every user event; only revocations are the gateway's business
        return consumers.idempotent(SessionsRevoked.class, new Revocations(versions)::apply).ignoringOtherTypes();
    }

    @Bean
    KafkaBindingRebalanceListener revocationsFromLookback(GatewayProperties properties, Clock clock) {
        return new SeekToTime(BINDING, properties.revocation().lookback(), clock);
    }
}
