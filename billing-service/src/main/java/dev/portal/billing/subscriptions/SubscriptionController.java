package dev.portal.billing.subscriptions;

import dev.portal.billing.customer.CallingCustomer;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's services (WHMCS), read only, SIM lines marked so that the SIM pages can link to them. */
@RestController
@Validated
class SubscriptionController {

    private final SubscriptionManagement subscriptions;
    private final CallingCustomer caller;

    SubscriptionController(SubscriptionManagement subscriptions, CallingCustomer caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    record Subscriptions(List<Subscription> items) {
    }

    /** {@code status}: one WHMCS status in kebab-case (e.g. {@code active}); all when absent. */
    @GetMapping("/api/subscriptions")
    Subscriptions list(@RequestParam(required = false)
                       @Pattern(regexp = "pending|active|suspended|terminated|cancelled|fraud|completed",
                               message = "must be one of pending, active, suspended, terminated, cancelled, fraud, completed")
                       String status) {
        List<Subscription> all = subscriptions.all(caller.get());
        return new Subscriptions(status == null ? all : all.stream().filter(s -> s.status().equals(status)).toList());
    }
}
