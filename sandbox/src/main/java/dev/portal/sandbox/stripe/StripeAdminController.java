package dev.portal.sandbox.stripe;

import dev.portal.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stripe scenarios under {@code /sandbox/admin/stripe/}: move a subscription to a status, renew it (payment
 * succeeds or fails), change a price's or product's metadata, manage webhook endpoints, read the delivery log,
 * and make the simulated API itself slow or failing. Errors are problem+json.
 */
@RestController
@RequestMapping(path = "/sandbox/admin/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
class StripeAdminController {

    private final StripeSubscriptions subscriptions;
    private final StripeProducts products;
    private final StripeEvents events;
    private final StripeApiBehaviour behaviour;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeAdminController(StripeSubscriptions subscriptions, StripeProducts products, StripeEvents events, StripeApiBehaviour behaviour) {
        this.subscriptions = subscriptions;
        this.products = products;
        this.events = events;
        this.behaviour = behaviour;
    }

    record StatusChange(String status) {
    }

    record Renewal(String outcome) {
    }

    record MetadataChange(Map<String, String> metadata) {
    }

    record EndpointRequest(URI url) {
    }

    @PostMapping("/subscriptions/{id}/status")
    String setStatus(@PathVariable String id, @RequestBody StatusChange change) {
        if (change.status() == null) {
            throw ProblemException.badRequest("status-missing", "give the new status, e.g. {\"status\":\"past_due\"}");
        }
        return run(() -> subscriptions.setStatus(id, change.status()));
    }

    /** {@code {"outcome":"paid"}} (default) or {@code {"outcome":"failed"}}. */
    @PostMapping("/subscriptions/{id}/renew")
    String renew(@PathVariable String id, @RequestBody(required = false) Renewal renewal) {
        String outcome = renewal == null || renewal.outcome() == null ? "paid" : renewal.outcome();
        if (!outcome.equals("paid") && !outcome.equals("failed")) {
            throw ProblemException.badRequest("outcome-invalid", "outcome is paid or failed, not " + outcome);
        }
        return run(() -> subscriptions.renew(id, outcome.equals("paid")));
    }

    /** Merges metadata into a price or product, e.g. {@code {"metadata":{"wishlist_quota":"20"}}}. */
    @PostMapping({"/prices/{id}/metadata", "/products/{id}/metadata"})
    String changeMetadata(@PathVariable String id, @RequestBody MetadataChange change) {
        if (change.metadata() == null) {
            throw ProblemException.badRequest("metadata-missing", "give {\"metadata\":{\"key\":\"value\"}}");
        }
        return run(() -> products.changeMetadata(id, change.metadata()));
    }

    @GetMapping("/webhook-endpoints")
    List<StripeEvents.Endpoint> endpoints() {
        return events.endpoints();
    }

    @PostMapping("/webhook-endpoints")
    ResponseEntity<StripeEvents.Endpoint> register(@RequestBody EndpointRequest request) {
        if (request.url() == null || !request.url().isAbsolute() || request.url().getScheme() == null
                || !request.url().getScheme().startsWith("http")) {
            throw ProblemException.badRequest("url-invalid", "give an absolute http(s) url");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(events.register(request.url()));
    }

    @DeleteMapping("/webhook-endpoints/{id}")
    ResponseEntity<Void> unregister(@PathVariable String id) {
        if (!events.unregister(id)) {
            throw ProblemException.notFound("endpoint-not-found", "no webhook endpoint " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Every delivery attempt, oldest first; {@code ?event=evt_…} narrows to one event. */
    @GetMapping("/deliveries")
    List<StripeEvents.Delivery> deliveries(@RequestParam(required = false) String event) {
        return events.deliveries().stream().filter(d -> event == null || event.equals(d.eventId())).toList();
    }

    /** {@code {"delayMs":800}} or {@code {"errorStatus":500,"remaining":1}}; {@code {}} back to normal. */
    @PutMapping("/api-behaviour")
    StripeApiBehaviour.Settings setBehaviour(@RequestBody StripeApiBehaviour.Settings settings) {
        try {
            behaviour.set(settings);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("behaviour-invalid", e.getMessage());
        }
        return behaviour.current();
    }

    private String run(Supplier<ObjectNode> scenario) {
        try {
            return json.writeValueAsString(scenario.get());
        } catch (StripeError e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("not-found", e.getMessage());
            }
            throw ProblemException.badRequest("scenario-refused", e.getMessage());
        }
    }
}
