package dev.portal.platform.test.architecture.good.checkout;

import dev.portal.platform.test.architecture.good.order.Order;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The edge: DTO records in and out, and the only place that names an HTTP status. */
@RestController
class CheckoutController {

    private final SubmitOrder submitOrder;

    CheckoutController(SubmitOrder submitOrder) {
        this.submitOrder = submitOrder;
    }

    record SubmitRequest(int lines) {
    }

    record OrderView(String id, String submittedAt) {
    }

    @PostMapping("/api/orders")
    ResponseEntity<OrderView> submit(@RequestBody SubmitRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(submitOrder.submit(request.lines())));
    }

    @GetMapping("/api/orders/today")
    List<String> today() {
        return List.of(submitOrder.today().toString());
    }

    /** Not a handler: turning an entity into its view is the controller's job. */
    private static OrderView view(Order order) {
        return new OrderView(order.id(), order.submittedAt().toString());
    }
}
