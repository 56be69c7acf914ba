package dev.portal.platform.stream;

import dev.portal.platform.events.MalformedEventException;
import dev.portal.platform.events.Topic;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters of every binding, done by the listener container rather than the binding, so that a
 * dead record is exactly what {@code DeadLetters} replays: sent unchanged (same key, value and {@code ce_*}
 * headers) to {@code <topic>.dlt} (or the binding's {@code dlq-name}), keyed so per-key order holds, with Spring's
 * {@code kafka_dlt-original-*} headers naming topic, partition, offset and consumer group. The binding's own
 * settings decide: {@code max-attempts} and {@code back-off-*}, {@code retryable-exceptions}, {@code enable-dlq}.
 * A {@link MalformedEventException} is never retried. The partition moves on after the last attempt either way.
 */
final class RetryThenDeadLetter implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(RetryThenDeadLetter.class);

    private final KafkaOperations<?, ?> template;

    RetryThenDeadLetter(KafkaOperations<?, ?> template) {
        this.template = template;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          @Nullable BackOff backOff) {
        throw new IllegalStateException("the binder passes the binding's properties; this overload is not used");
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          @Nullable BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(properties), backOff == null ? new FixedBackOff(0, 0) : backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        properties.getRetryableExceptions().forEach((type, retryable) -> {
            if (Exception.class.isAssignableFrom(type)) {
                if (retryable) {
                    handler.addRetryableExceptions(type.asSubclass(Exception.class));
                } else {
                    handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            }
        });
        if (!properties.isDefaultRetryable()) {
            handler.defaultFalse(true);
        }
        container.setCommonErrorHandler(handler);
    }

    private ConsumerRecordRecoverer recoverer(ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        KafkaConsumerProperties kafka = properties.getExtension();
        if (!kafka.isEnableDlq()) {
            return (record, failure) -> log.error("{} gave up on {}-{}@{} (dead letters are off for this binding): {}",
                    properties.getBindingName(), record.topic(), record.partition(), record.offset(), failure.toString());
        }
        String dlqName = kafka.getDlqName();
        // partition -1: the producer's partitioner picks it from the key, so per-key order holds in the dead letters
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template, (record, failure) -> new TopicPartition(
                StringUtils.hasText(dlqName) ? dlqName : record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        return (record, failure) -> publisher.accept(record, withoutBinderLayers(failure));
    }

    /**
     * The binder wraps the handler's exception in messaging exceptions; the dead letter's {@code exception-cause-*}
     * headers should name the handler's, so an operator reading the dead-letter topic sees why it failed.
     */
    static Exception withoutBinderLayers(Exception failure) {
        if (!(failure instanceof ListenerExecutionFailedException listenerFailure)) {
            return failure;
        }
        Throwable cause = listenerFailure.getCause();
        while ((cause instanceof MessagingException || cause instanceof ListenerExecutionFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == null ? failure
                : new ListenerExecutionFailedException("Listener failed", listenerFailure.getGroupId(), cause);
    }
}
