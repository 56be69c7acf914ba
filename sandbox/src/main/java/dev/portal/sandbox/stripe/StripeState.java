package dev.portal.sandbox.stripe;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Stripe simulator's seeded state: the account's objects ({@link StripeObjects}, loaded from {@link StripeSeed}
 * at start and on reset), its events and deliveries, idempotency keys and the admin-set API behaviour.
 */
@Component
@EnableConfigurationProperties(StripeSettings.class)
class StripeState implements SeededState {

    private final StripeObjects objects;
    private final StripeSeed seed;
    private final StripeEvents events;
    private final StripeIdempotency idempotency;
    private final StripeApiBehaviour behaviour;

    StripeState(StripeObjects objects, StripeSeed seed, StripeEvents events, StripeIdempotency idempotency, StripeApiBehaviour behaviour) {
        this.objects = objects;
        this.seed = seed;
        this.events = events;
        this.idempotency = idempotency;
        this.behaviour = behaviour;
        load();
    }

    @Override
    public String system() {
        return SandboxSystems.STRIPE;
    }

    /** Back to the seed; events, deliveries, idempotency keys and run-time webhook endpoints are forgotten. */
    @Override
    public void reset() {
        behaviour.reset();
        idempotency.reset();
        load();
    }

    private void load() {
        objects.locked(() -> {
            objects.clear();
            events.reset();
            seed.load();
            return null;
        });
    }
}
