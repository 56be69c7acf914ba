package dev.portal.platform.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Kafka the suite's way: the topic catalogue declared on start, replay of dead letters, and broker readiness.
 * Consumers, with their retries and dead letters, are platform-stream's.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
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
    DeadLetters deadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> template,
                            Environment environment, ObjectProvider<ConsumerGroups> consumerGroups,
                            ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        String application = environment.getProperty("spring.application.name", "portal");
        return new DeadLetters(consumers, template, application + ".dlt-replay", () -> {
            Set<String> groups = new HashSet<>();
            consumerGroups.orderedStream().forEach(known -> groups.addAll(known.names()));
            // a plain spring-kafka listener (tests, tools) counts too
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
