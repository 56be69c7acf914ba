package dev.portal.billing.invoices;

import dev.portal.billing.cache.CacheName;
import dev.portal.billing.cache.SharedCache;
import dev.portal.platform.stream.EventConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * When fulfillment changes an order's status, WHMCS may have a new invoice (AddOrder) or a cancelled one
 * (compensation) for that Account's client: its cached invoice lists and invoices go. Binding
 * {@code orderStatusChanges-in-0} (topic {@code fulfillment.order.events}, one group for all replicas: the cache is
 * shared); the step events on the same topic are skipped.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceEvictions {

    @Bean
    Consumer<Message<byte[]>> orderStatusChanges(EventConsumers consumers, SharedCache cache) {
        return consumers.inbox("billing.invoice-evictions", OrderStatusChanged.class, (event, envelope) -> {
            if (event.accountId() != null && !event.accountId().isBlank()) {
                cache.evictAccount(event.accountId(), List.of(CacheName.INVOICE_LIST, CacheName.INVOICE), "order-status-changed");
            }
        }).ignoringOtherTypes();
    }
}
