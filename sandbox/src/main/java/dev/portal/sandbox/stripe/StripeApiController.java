package dev.portal.sandbox.stripe;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Stripe API under {@code /stripe/v1/}: the resources the portal uses, with Stripe's paths and verbs. */
@RestController
@RequestMapping("/stripe/v1")
class StripeApiController {

    private final StripeApi api;
    private final StripeStore store;

    StripeApiController(StripeApi api, StripeStore store) {
        this.api = api;
        this.store = store;
    }

    @PostMapping("/customers")
    ResponseEntity<String> createCustomer(HttpServletRequest r) {
        return api.write(r, store::createCustomer);
    }

    @GetMapping("/customers")
    ResponseEntity<String> listCustomers(HttpServletRequest r) {
        return api.read(r, store::listCustomers);
    }

    @GetMapping("/customers/{id}")
    ResponseEntity<String> customer(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveCustomer(id));
    }

    @PostMapping("/customers/{id}")
    ResponseEntity<String> updateCustomer(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.updateCustomer(id, p, o));
    }

    @DeleteMapping("/customers/{id}")
    ResponseEntity<String> deleteCustomer(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.deleteCustomer(id, o));
    }

    @PostMapping("/products")
    ResponseEntity<String> createProduct(HttpServletRequest r) {
        return api.write(r, store::createProduct);
    }

    @GetMapping("/products")
    ResponseEntity<String> listProducts(HttpServletRequest r) {
        return api.read(r, store::listProducts);
    }

    @GetMapping("/products/{id}")
    ResponseEntity<String> product(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveProduct(id));
    }

    @PostMapping("/products/{id}")
    ResponseEntity<String> updateProduct(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.updateProduct(id, p, o));
    }

    @PostMapping("/products/{id}/features")
    ResponseEntity<String> attachFeature(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.attachFeature(id, p, o));
    }

    @GetMapping("/products/{id}/features")
    ResponseEntity<String> productFeatures(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.listProductFeatures(id, p));
    }

    @DeleteMapping("/products/{id}/features/{feature}")
    ResponseEntity<String> detachFeature(HttpServletRequest r, @PathVariable String id, @PathVariable String feature) {
        return api.write(r, (p, o) -> store.detachFeature(id, feature, o));
    }

    @PostMapping("/prices")
    ResponseEntity<String> createPrice(HttpServletRequest r) {
        return api.write(r, store::createPrice);
    }

    @GetMapping("/prices")
    ResponseEntity<String> listPrices(HttpServletRequest r) {
        return api.read(r, store::listPrices);
    }

    @GetMapping("/prices/{id}")
    ResponseEntity<String> price(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrievePrice(id, p));
    }

    @PostMapping("/prices/{id}")
    ResponseEntity<String> updatePrice(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.updatePrice(id, p, o));
    }

    @PostMapping("/subscriptions")
    ResponseEntity<String> createSubscription(HttpServletRequest r) {
        return api.write(r, store::createSubscription);
    }

    @GetMapping("/subscriptions")
    ResponseEntity<String> listSubscriptions(HttpServletRequest r) {
        return api.read(r, store::listSubscriptions);
    }

    @GetMapping("/subscriptions/{id}")
    ResponseEntity<String> subscription(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveSubscription(id, p));
    }

    @PostMapping("/subscriptions/{id}")
    ResponseEntity<String> updateSubscription(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.updateSubscription(id, p, o));
    }

    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<String> cancelSubscription(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> store.cancelSubscription(id, p, o));
    }

    @GetMapping("/invoices")
    ResponseEntity<String> listInvoices(HttpServletRequest r) {
        return api.read(r, store::listInvoices);
    }

    @GetMapping("/invoices/{id}")
    ResponseEntity<String> invoice(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveInvoice(id, p));
    }

    @PostMapping("/entitlements/features")
    ResponseEntity<String> createFeature(HttpServletRequest r) {
        return api.write(r, store::createFeature);
    }

    @GetMapping("/entitlements/features")
    ResponseEntity<String> listFeatures(HttpServletRequest r) {
        return api.read(r, store::listFeatures);
    }

    @GetMapping("/entitlements/features/{id}")
    ResponseEntity<String> feature(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveFeature(id));
    }

    @GetMapping("/entitlements/active_entitlements")
    ResponseEntity<String> activeEntitlements(HttpServletRequest r) {
        return api.read(r, store::activeEntitlements);
    }

    @GetMapping("/entitlements/active_entitlements/{id}")
    ResponseEntity<String> activeEntitlement(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.activeEntitlement(id, p));
    }

    @GetMapping("/events")
    ResponseEntity<String> events(HttpServletRequest r) {
        return api.read(r, store::listEvents);
    }

    @GetMapping("/events/{id}")
    ResponseEntity<String> event(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> store.retrieveEvent(id));
    }

    /** Anything else under {@code /stripe/v1/}: Stripe's "Unrecognized request URL". */
    @RequestMapping("/**")
    ResponseEntity<String> unrecognized(HttpServletRequest r) {
        String path = r.getRequestURI().substring("/stripe".length());
        return api.write(r, (p, o) -> {
            throw StripeApiError.unrecognizedUrl(r.getMethod(), path);
        });
    }
}
