package dev.portal.platform.test.architecture.good.config;

import dev.portal.platform.test.architecture.good.checkout.SubmitOrder;
import dev.portal.platform.test.architecture.good.order.Orders;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The composition root: it makes the Clock, knows every feature, and may hand SQL tools to repositories. */
public class ShopWiring {

    public Clock clock() {
        return Clock.systemUTC();
    }

    public Orders orders(JdbcClient jdbc) {
        return new Orders(jdbc);
    }

    public SubmitOrder submitOrder(Orders orders, Clock clock, ShopSettings settings) {
        return new SubmitOrder(orders, clock, settings.maxLines());
    }

    /** A topic consumer as a functional bean, bound by Spring Cloud Stream. */
    public Consumer<byte[]> orderApproved(SubmitOrder submitOrder) {
        return bytes -> submitOrder.toString();
    }
}
