package dev.portal.platform.security;

import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.stream.EventConsumers;
import dev.portal.platform.stream.SeekToTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * Session revocations for a service behind the gateway: the gateway refuses revoked tokens, and so does the service
 * itself, so that a caller who reaches it directly gains nothing. Every instance reads every revocation (binding
 * {@code sessionRevocations-in-0} on {@code identity.user.events}, a group of its own, defaults from
 * {@code SecurityDefaults}) from {@code lookback} ago, and the token decoder refuses a token whose {@code sv} is
 * below the user's latest revoked version. On for a service that validates tokens from a JWKS and consumes with
 * platform-stream; the service lists {@code sessionRevocations} in {@code spring.cloud.function.definition}.
 */
@AutoConfiguration(afterName = "dev.portal.platform.stream.StreamAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({EventConsumers.class, KafkaBindingRebalanceListener.class})
@ConditionalOnBean(EventConsumers.class)
@ConditionalOnProperty(prefix = "portal.security", name = "jwks-uri")
@ConditionalOnBooleanProperty(name = "portal.security.revocations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SessionRevocationProperties.class)
public class SessionRevocationsAutoConfiguration {

    static final String FUNCTION = "sessionRevocations";
    static final String BINDING = FUNCTION + "-in-0";
    private static final Logger log = LoggerFactory.getLogger(SessionRevocationsAutoConfiguration.class);

    @Bean
    SessionRevocations portalSessionRevocations() {
        return new SessionRevocations();
    }

    @Bean(FUNCTION)
    Consumer<Message<byte[]>> sessionRevocations(EventConsumers consumers, SessionRevocations revocations) {
        // the topic carries every user event; only revocations matter here
        return consumers.idempotent(SessionsRevoked.class, (SessionsRevoked event, dev.portal.platform.events.EventEnvelope envelope) -> {
            if (event.userId() == null || event.userId().isBlank() || event.sessionVersion() == null) {
                throw new MalformedEventException("event " + envelope.id() + " names no user or no session version");
            }
            revocations.revoked(event.userId(), event.sessionVersion());
            log.info("sessions of user {} revoked up to version {} (event {})", event.userId(), event.sessionVersion(), envelope.id());
        }).ignoringOtherTypes();
    }

    /**
     * The binder takes one rebalance listener: this one reads the revocations binding from {@code lookback} ago and
     * hands every other binding's assignments to the service's own listeners, unchanged.
     */
    @Bean
    @Primary
    KafkaBindingRebalanceListener sessionRevocationsFromLookback(SessionRevocationProperties properties,
                                                                 ObjectProvider<Clock> clock,
                                                                 ObjectProvider<KafkaBindingRebalanceListener> others) {
        SeekToTime seek = new SeekToTime(BINDING, properties.lookback(), clock.getIfAvailable(Clock::systemUTC));
        return new KafkaBindingRebalanceListener() {
            private List<KafkaBindingRebalanceListener> delegates() {
                return others.orderedStream().filter(listener -> listener != this).toList();
            }

            @Override
            public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                             Collection<TopicPartition> partitions, boolean initial) {
                seek.onPartitionsAssigned(bindingName, consumer, partitions, initial);
                delegates().forEach(listener -> listener.onPartitionsAssigned(bindingName, consumer, partitions, initial));
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                        Collection<TopicPartition> partitions) {
                delegates().forEach(listener -> listener.onPartitionsRevokedBeforeCommit(bindingName, consumer, partitions));
            }

            @Override
            public void onPartitionsRevokedAfterCommit(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                       Collection<TopicPartition> partitions) {
                delegates().forEach(listener -> listener.onPartitionsRevokedAfterCommit(bindingName, consumer, partitions));
            }

        };
    }

    /** A service that names its functions must name this one too, or revocations would silently go unread. */
    @Bean
    SmartInitializingSingleton sessionRevocationsBound(Environment environment) {
        return () -> requireBound(environment.getProperty("spring.cloud.function.definition"));
    }

    static void requireBound(String definition) {
        if (definition != null && !definition.isBlank()
                && Arrays.stream(definition.split("[;,|]")).map(String::trim).noneMatch(FUNCTION::equals)) {
            throw new IllegalStateException("spring.cloud.function.definition must list " + FUNCTION + " (was '" + definition
                    + "'): the service reads session revocations so that revoked tokens are refused here too;"
                    + " portal.security.revocations.enabled=false switches that off");
        }
    }
}
