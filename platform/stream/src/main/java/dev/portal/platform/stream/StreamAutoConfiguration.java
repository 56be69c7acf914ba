package dev.portal.platform.stream;

import dev.portal.platform.events.ConsumerGroups;
import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.EventsAutoConfiguration;
import dev.portal.platform.inbox.Inbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/** Consumers on Spring Cloud Stream's Kafka binder, the suite's way (see {@link EventConsumers}). */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = "dev.portal.platform.inbox.InboxAutoConfiguration")
@ConditionalOnBean(EventCodec.class)
public class StreamAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(EventCodec codec, ObjectProvider<InboxEffects> inbox) {
        return new EventConsumers(codec, inbox.getIfAvailable());
    }

    /** The binder takes one container customizer; a service that brings its own takes over retries and dead letters. */
    @Bean
    @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
    RetryThenDeadLetter retryThenDeadLetter(KafkaTemplate<String, byte[]> template) {
        return new RetryThenDeadLetter(template);
    }

    @Bean
    ConsumerGroups bindingGroups(BindingServiceProperties bindings) {
        return new BindingGroups(bindings);
    }

    @Bean
    BindingChecks bindingChecks(BindingServiceProperties bindings, Environment environment) {
        return new BindingChecks(bindings, environment);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Inbox.class)
    static class InboxConsumers {

        @Bean
        @ConditionalOnBean(Inbox.class)
        InboxEffects inboxEffects(Inbox inbox) {
            return inbox::receive;
        }
    }
}
