package dev.portal.order.orders;

import dev.portal.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's order history: {@code GET /api/orders} and {@code GET /api/orders/{id}}. Placing one is {@code POST /api/orders}. */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

    private final OrderHistory history;
    private final CurrentUser currentUser;

    OrdersController(OrderHistory history, CurrentUser currentUser) {
        this.history = history;
        this.currentUser = currentUser;
    }

    /** The account's orders, newest first, {@code size} per page (pages from 1). */
    @GetMapping
    OrderHistory.OrderPage list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer size) {
        return history.list(currentUser.get(), page, size);
    }

    /** One order with its items, total and fulfillment timeline; another account's order is 404 like a missing one. */
    @GetMapping("/{id}")
    OrderView show(@PathVariable String id) {
        return history.show(currentUser.get(), id);
    }
}
