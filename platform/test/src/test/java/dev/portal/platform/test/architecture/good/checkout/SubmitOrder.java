package dev.portal.platform.test.architecture.good.checkout;

import dev.portal.platform.test.architecture.good.order.Order;
import dev.portal.platform.test.architecture.good.order.Orders;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The application service: time from the injected clock, refusals as domain exceptions. */
public class SubmitOrder {

    private final Orders orders;
    private final Clock clock;
    private final int maxLines;

    public SubmitOrder(Orders orders, Clock clock, int maxLines) {
        this.orders = orders;
        this.clock = clock;
        this.maxLines = maxLines;
    }

    public Order submit(int lines) {
        if (lines > maxLines) {
            throw new TooManyLines(lines, maxLines);
        }
        Order order = new Order(UUID.randomUUID().toString(), Instant.now(clock));
        orders.add(order);
        return order;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
