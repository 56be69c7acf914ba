package dev.portal.order.checkout;

import dev.portal.order.orders.OrderView;
import dev.portal.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/orders}: places an order (see {@link PlaceOrder} for the rules and their order). */
@RestController
class CheckoutController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final PlaceOrder placeOrder;
    private final CurrentUser currentUser;

    CheckoutController(PlaceOrder placeOrder, CurrentUser currentUser) {
        this.placeOrder = placeOrder;
        this.currentUser = currentUser;
    }

    /**
     * 201 with the order as placed, {@code Location} its URL; a repeated request with the same key and body gets the
     * same answer with {@code Idempotent-Replayed: true}.
     */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                    @Valid @RequestBody CheckoutRequest body) {
        PlaceOrder.Placed placed = placeOrder.place(currentUser.get(), idempotencyKey, body);
        return ResponseEntity.created(URI.create("/api/orders/" + placed.order().id()))
                .header(REPLAYED, Boolean.toString(placed.replayed()))
                .body(placed.order());
    }
}
