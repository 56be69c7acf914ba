package dev.portal.order.tracking;

import dev.portal.platform.stream.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The consumers that keep the read model current; their bindings are in application.yml. */
@Configuration(proxyBeanMethods = false)
class TrackingConsumers {

    /** {@code salesforce.cdc.order}: Orders created, changed or deleted in Salesforce. */
    @Bean
    Consumer<Message<byte[]>> salesforceOrders(EventConsumers consumers, OrderTracking tracking) {
        return consumers.inbox("order.salesforce-orders", SalesforceOrderChanged.class, tracking::orderChanged);
    }

    /** {@code salesforce.cdc.order-item}: items of an order changed in Salesforce. */
    @Bean
    Consumer<Message<byte[]>> salesforceOrderItems(EventConsumers consumers, OrderTracking tracking) {
        return consumers.inbox("order.salesforce-order-items", SalesforceOrderItemChanged.class, tracking::orderItemChanged);
    }

    /** {@code fulfillment.order.events}: the timeline and status of each order's fulfillment; other types there are not ours. */
    @Bean
    Consumer<Message<byte[]>> fulfillmentProgress(EventConsumers consumers, OrderTracking tracking) {
        return consumers.inbox("order.fulfillment-progress", FulfillmentEvent.class, (event, envelope) -> {
            switch (event) {
                case FulfillmentEvent.StepRecorded step -> tracking.stepRecorded(step);
                case FulfillmentEvent.OrderStatusChanged status -> tracking.fulfillmentStatusChanged(status);
            }
        }).ignoringOtherTypes();
    }
}
