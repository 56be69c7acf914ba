package dev.portal.catalog.invalidation;

import dev.portal.catalog.catalog.CatalogCache;
import dev.portal.catalog.config.CatalogProperties;
import dev.portal.platform.events.EventEnvelope;
import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's catalogue fresh from the bridged Salesforce change events. Every instance consumes with a
 * consumer group of its own ({@link CatalogProperties#consumerGroup()}), so every instance sees every event.
 *
 * <p>A PricebookEntry or Product2 change re-reads just that record through REST and patches the snapshot; a
 * deletion removes it; a Pricebook2 change, a {@code GAP_*} or {@code RESYNC} record, or any change type it does
 * not know reloads everything. Applying an event twice reads the same record twice: re-delivery is harmless, so
 * no inbox table is needed. The group starts at the topics' end: the snapshot is read after the consumer has its
 * positions ({@link CatalogCache#listening()}), so nothing published before is needed and nothing after is missed.
 */
@Component
class CatalogChangeListener implements SmartLifecycle {

    static final String CHANGE_TYPE = "ce_changetype";
    private static final Logger log = LoggerFactory.getLogger(CatalogChangeListener.class);

    private final CatalogCache cache;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private volatile boolean assigned;

    CatalogChangeListener(CatalogCache cache, CatalogProperties properties, ConsumerFactory<String, byte[]> consumers,
                          CommonErrorHandler errorHandler) {
        this.cache = cache;
        ContainerProperties container = new ContainerProperties(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(),
                Topics.SALESFORCE_PRODUCT.name(), Topics.SALESFORCE_PRICEBOOK.name());
        container.setGroupId(properties.consumerGroup());
        container.setMessageListener((MessageListener<String, byte[]>) this::onChange);
        container.setObservationEnabled(true);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        container.setKafkaConsumerProperties(consumer);
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
                // resolve the positions now, so that every change from here on is consumed, then refresh
                partitions.forEach(kafka::position);
                cache.listening();
                assigned = !partitions.isEmpty();
            }
        });
        this.container = new ConcurrentMessageListenerContainer<>(consumers, container);
        this.container.setCommonErrorHandler(errorHandler);
        this.container.setBeanName("catalogChanges");
    }

    void onChange(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = EventEnvelope.from(record);
        String recordId = event.subject();
        String changeType = header(record, CHANGE_TYPE);
        if (changeType == null) {
            throw new MalformedEventException("record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " has no " + CHANGE_TYPE + " header");
        }
        if (!CatalogProperties.SALESFORCE_ID.matcher(recordId).matches()) {
            throw new MalformedEventException("record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " is not about a Salesforce record: " + recordId);
        }
        String topic = record.topic();
        boolean entry = topic.equals(Topics.SALESFORCE_PRICEBOOK_ENTRY.name());
        boolean product = topic.equals(Topics.SALESFORCE_PRODUCT.name());
        switch (changeType) {
            case "CREATE", "UPDATE", "UNDELETE" -> {
                if (entry) {
                    cache.entryChanged(recordId);
                } else if (product) {
                    cache.productChanged(recordId);
                } else {
                    cache.reloadQuietly(changeType + " of price book " + recordId);
                }
            }
            case "DELETE" -> {
                if (entry) {
                    cache.entryDeleted(recordId);
                } else if (product) {
                    cache.productDeleted(recordId);
                } else {
                    cache.reloadQuietly("DELETE of price book " + recordId);
                }
            }
            default -> cache.reloadQuietly(changeType + " on " + topic + " for " + recordId);
        }
        log.debug("applied {} {} {}", topic, changeType, recordId);
    }

    /** Whether this instance has its positions on the change topics (it then sees every later change). */
    boolean assigned() {
        return assigned;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
