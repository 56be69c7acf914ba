package dev.portal.platform.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka the suite's way: the topic catalogue declared on start, consumers that retry with back-off and then
 * dead-letter (never block a partition, never drop a record), replay of dead letters, and broker readiness.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(PortalKafkaProperties.class)
public class EventsAutoConfiguration {

    static List<Topic> declaredTopics() {
        return Topics.all().stream().flatMap(topic -> Stream.of(topic, topic.deadLetter())).toList();
    }

    /** Services that consume events declare an {@link EventTypes} bean listing the classes they read. */
    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(ObjectProvider<EventTypes> types) {
        return new EventCodec(types.getIfAvailable(() -> EventTypes.of(List.of())));
    }

    @Bean
    KafkaAdmin.NewTopics portalTopics() {
        // No replica count: the broker's default.replication.factor decides (1 locally, 3 in a cluster).
        return new KafkaAdmin.NewTopics(declaredTopics().stream()
                .map(topic -> TopicBuilder.name(topic.name()).partitions(topic.partitions()).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, declaredTopics().stream().map(Topic::name).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, PortalKafkaProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                // partition -1: the producer's partitioner picks it from the key, so order per key is kept
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        PortalKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts() - 1);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> template,
                            Environment environment, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        String application = environment.getProperty("spring.application.name", "portal");
        String defaultGroup = environment.getProperty("spring.kafka.consumer.group-id", application);
        return new DeadLetters(consumers, template, application + ".dlt-replay", () -> {
            Set<String> groups = new HashSet<>();
            groups.add(defaultGroup);
            registry.ifAvailable(r -> r.getListenerContainers().stream()
                    .map(MessageListenerContainer::getGroupId).filter(g -> g != null).forEach(groups::add));
            return groups;
        });
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters,
                Topics.all().stream().map(topic -> topic.deadLetter().name()).toList());
    }
}
