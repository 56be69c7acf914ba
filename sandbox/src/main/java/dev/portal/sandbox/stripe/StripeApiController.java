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
    private final StripeCustomers customers;
    private final StripeProducts products;
    private final StripePrices prices;
    private final StripeFeatures features;
    private final StripeEntitlements entitlements;
    private final StripeSubscriptions subscriptions;
    private final StripeInvoices invoices;
    private final StripeEvents events;

    StripeApiController(StripeApi api, StripeCustomers customers, StripeProducts products, StripePrices prices, StripeFeatures features,
                        StripeEntitlements entitlements, StripeSubscriptions subscriptions, StripeInvoices invoices, StripeEvents events) {
        this.api = api;
        this.customers = customers;
        this.products = products;
        this.prices = prices;
        this.features = features;
        this.entitlements = entitlements;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.events = events;
    }

    @PostMapping("/customers")
    ResponseEntity<String> createCustomer(HttpServletRequest r) {
        return api.write(r, customers::create);
    }

    @GetMapping("/customers")
    ResponseEntity<String> listCustomers(HttpServletRequest r) {
        return api.read(r, customers::list);
    }

    @GetMapping("/customers/{id}")
    ResponseEntity<String> customer(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> customers.retrieve(id));
    }

    @PostMapping("/customers/{id}")
    ResponseEntity<String> updateCustomer(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> customers.update(id, p, o));
    }

    @DeleteMapping("/customers/{id}")
    ResponseEntity<String> deleteCustomer(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> customers.delete(id, o));
    }

    @PostMapping("/products")
    ResponseEntity<String> createProduct(HttpServletRequest r) {
        return api.write(r, products::create);
    }

    @GetMapping("/products")
    ResponseEntity<String> listProducts(HttpServletRequest r) {
        return api.read(r, products::list);
    }

    @GetMapping("/products/{id}")
    ResponseEntity<String> product(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> products.retrieve(id));
    }

    @PostMapping("/products/{id}")
    ResponseEntity<String> updateProduct(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> products.update(id, p, o));
    }

    @PostMapping("/products/{id}/features")
    ResponseEntity<String> attachFeature(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> features.attach(id, p, o));
    }

    @GetMapping("/products/{id}/features")
    ResponseEntity<String> productFeatures(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> features.listAttached(id, p));
    }

    @DeleteMapping("/products/{id}/features/{feature}")
    ResponseEntity<String> detachFeature(HttpServletRequest r, @PathVariable String id, @PathVariable String feature) {
        return api.write(r, (p, o) -> features.detach(id, feature, o));
    }

    @PostMapping("/prices")
    ResponseEntity<String> createPrice(HttpServletRequest r) {
        return api.write(r, prices::create);
    }

    @GetMapping("/prices")
    ResponseEntity<String> listPrices(HttpServletRequest r) {
        return api.read(r, prices::list);
    }

    @GetMapping("/prices/{id}")
    ResponseEntity<String> price(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> prices.retrieve(id, p));
    }

    @PostMapping("/prices/{id}")
    ResponseEntity<String> updatePrice(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> prices.update(id, p, o));
    }

    @PostMapping("/subscriptions")
    ResponseEntity<String> createSubscription(HttpServletRequest r) {
        return api.write(r, subscriptions::create);
    }

    @GetMapping("/subscriptions")
    ResponseEntity<String> listSubscriptions(HttpServletRequest r) {
        return api.read(r, subscriptions::list);
    }

    @GetMapping("/subscriptions/{id}")
    ResponseEntity<String> subscription(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> subscriptions.retrieve(id, p));
    }

    @PostMapping("/subscriptions/{id}")
    ResponseEntity<String> updateSubscription(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> subscriptions.update(id, p, o));
    }

    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<String> cancelSubscription(HttpServletRequest r, @PathVariable String id) {
        return api.write(r, (p, o) -> subscriptions.cancel(id, p, o));
    }

    @GetMapping("/invoices")
    ResponseEntity<String> listInvoices(HttpServletRequest r) {
        return api.read(r, invoices::list);
    }

    @GetMapping("/invoices/{id}")
    ResponseEntity<String> invoice(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> invoices.retrieve(id, p));
    }

    @PostMapping("/entitlements/features")
    ResponseEntity<String> createFeature(HttpServletRequest r) {
        return api.write(r, features::create);
    }

    @GetMapping("/entitlements/features")
    ResponseEntity<String> listFeatures(HttpServletRequest r) {
        return api.read(r, features::list);
    }

    @GetMapping("/entitlements/features/{id}")
    ResponseEntity<String> feature(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> features.retrieve(id));
    }

    @GetMapping("/entitlements/active_entitlements")
    ResponseEntity<String> activeEntitlements(HttpServletRequest r) {
        return api.read(r, entitlements::list);
    }

    @GetMapping("/entitlements/active_entitlements/{id}")
    ResponseEntity<String> activeEntitlement(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> entitlements.retrieve(id, p));
    }

    @GetMapping("/events")
    ResponseEntity<String> events(HttpServletRequest r) {
        return api.read(r, events::list);
    }

    @GetMapping("/events/{id}")
    ResponseEntity<String> event(HttpServletRequest r, @PathVariable String id) {
        return api.read(r, p -> events.retrieve(id));
    }

    /** Anything else under {@code /stripe/v1/}: Stripe's "Unrecognized request URL". */
    @RequestMapping("/**")
    ResponseEntity<String> unrecognized(HttpServletRequest r) {
        String path = r.getRequestURI().substring("/stripe".length());
        return api.write(r, (p, o) -> {
            throw StripeError.unrecognizedUrl(r.getMethod(), path);
        });
    }
}
