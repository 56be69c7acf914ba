package dev.portal.platform.stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceConfiguration;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Replaces the binder's binding service before it is defined (see {@link LateBindingService}). */
@AutoConfiguration(after = KafkaAutoConfiguration.class, before = BindingServiceConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
public class LateBindingAutoConfiguration {

    @Bean
    BindingService bindingService(BindingServiceProperties properties, BinderFactory binderFactory, TaskScheduler taskScheduler,
                                  ObjectProvider<ObjectMapper> json, KafkaAdmin admin) {
        return new LateBindingService(properties, binderFactory, taskScheduler,
                json.getIfAvailable(() -> JsonMapper.builder().build()), admin.getConfigurationProperties());
    }
}
