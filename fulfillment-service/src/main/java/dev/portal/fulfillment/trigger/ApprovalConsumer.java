package dev.portal.fulfillment.trigger;

import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code salesforce.cdc.order} (binding {@code orderApprovals-in-0} in application.yml). No inbox:
 * {@link StartFulfillment} is idempotent by the saga's business key and the approval it keeps. A record that is not
 * an Order change event is dead-lettered at once and touches no saga.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalConsumer {

    @Bean
    Consumer<Message<byte[]>> orderApprovals(EventConsumers consumers, StartFulfillment approvals) {
        return consumers.idempotent(OrderChanged.class, approvals::handle);
    }
}
