package dev.portal.sandbox.freebit;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How new-line activations (PA02-01 {@code master/addAcnt}, PA05-41 {@code addKind "N"}) behave: how long they take
 * ({@code sandbox.freebit.activation-duration}, changeable through the admin API for tests) and which accounts
 * Freebit refuses, a scenario for a permanent activation failure. Reset restores the settings.
 */
@Component
class FreebitActivations implements SeededState {

    /** What the admin API sets; null fields keep the current value. */
    record Behaviour(Duration duration, Set<String> refused, boolean refuseAll, String reason) {
    }

    static final String DEFAULT_REASON = "the carrier refused the line (sandbox scenario)";

    private final FreebitSettings settings;
    private volatile Behaviour behaviour;

    FreebitActivations(FreebitSettings settings) {
        this.settings = settings;
        reset();
    }

    @Override
    public String system() {
        return SandboxSystems.FREEBIT;
    }

    @Override
    public void reset() {
        behaviour = new Behaviour(settings.activationDuration(), Set.of(), false, DEFAULT_REASON);
    }

    Behaviour current() {
        return behaviour;
    }

    void set(Behaviour next) {
        behaviour = next;
    }

    Duration duration() {
        return behaviour.duration();
    }

    /** Why an activation of {@code account} is refused, if this scenario refuses it. */
    Optional<String> refusal(String account) {
        Behaviour now = behaviour;
        return now.refuseAll() || now.refused().contains(account) ? Optional.of(now.reason()) : Optional.empty();
    }
}
