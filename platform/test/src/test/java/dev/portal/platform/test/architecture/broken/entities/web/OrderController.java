package dev.portal.platform.test.architecture.broken.entities.web;

import dev.portal.platform.test.architecture.broken.entities.order.Order;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Entities on the wire: one returned inside a ResponseEntity, a list of them accepted as the body. */
@RestController
public class OrderController {

    @GetMapping("/orders/latest")
    public ResponseEntity<Order> latest() {
        return ResponseEntity.ok(new Order());
    }

    @PostMapping("/orders")
    public void saveAll(@RequestBody List<Order> orders) {
        orders.clear();
    }
}
