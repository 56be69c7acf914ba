package dev.portal.cases.tracking;

import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of bridged Case changes (binding {@code caseChanges-in-0} on {@code salesforce.cdc.case}, a shared group):
 * each change is applied by {@link CaseTracking} once, through the inbox.
 */
@Configuration(proxyBeanMethods = false)
class CaseChangesConsumer {

    @Bean
    Consumer<Message<byte[]>> caseChanges(EventConsumers consumers, CaseTracking tracking) {
        return consumers.inbox("case.case-changes", CaseChanged.class, tracking::apply);
    }
}
