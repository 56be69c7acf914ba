package dev.portal.sandbox.stripe;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.springframework.stereotype.Component;

/** The Stripe simulator's seeded state: objects, events and deliveries, idempotency keys, API behaviour. */
@Component
class StripeState implements SeededState {

    private final StripeStore store;
    private final Idempotency idempotency;
    private final ApiBehaviour behaviour;

    StripeState(StripeStore store, Idempotency idempotency, ApiBehaviour behaviour) {
        this.store = store;
        this.idempotency = idempotency;
        this.behaviour = behaviour;
    }

    @Override
    public String system() {
        return SandboxSystems.STRIPE;
    }

    @Override
    public void reset() {
        behaviour.reset();
        idempotency.reset();
        store.reset();
    }
}
