package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code activate-sim} (orders with a SIM line only): asks Freebit to activate the new line and follows it, one
 * look every {@code activation.poll-interval}, until Freebit reports it active; then accepts the WHMCS order so
 * that its services go live with the line. Freebit's activation is sent once: every attempt looks the line up first.
 * A refusal fails the order (the WHMCS order is cancelled, Salesforce marked Failed); an activation that takes longer
 * than {@code activation.timeout} parks for a person.
 */
@Component
class ActivateSim implements StepAction<Fulfillment> {

    /** The signal that ends a wait at once (e.g. Freebit's completion notice); else the next look finds the line active. */
    static final String SIM_ACTIVATED = "sim-activated";
    /** Freebit (sandbox codes, to confirm with the real list): the line is busy, or it exists already: look again later. */
    static final Set<String> TRY_AGAIN = Set.of("230", "233");
    /** Freebit: the request or the portal's setup is wrong (unreadable, invalid parameter, credentials): a person fixes it. */
    static final Set<String> SETUP = Set.of("210", "211", ParticipantRefused.AUTHENTICATION);

    private static final Logger log = LoggerFactory.getLogger(ActivateSim.class);

    private final SimLines freebit;
    private final WhmcsAcceptance acceptance;
    private final FulfillmentProperties.Activation activation;

    ActivateSim(SimLines freebit, WhmcsAcceptance acceptance, FulfillmentProperties properties) {
        this.freebit = freebit;
        this.acceptance = acceptance;
        this.activation = properties.activation();
    }

    @Override
    public StepOutcome<Fulfillment> apply(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        if (!fulfillment.hasSimLine()) {
            return step.done();
        }
        Fulfillment.SimLine sim = fulfillment.sim();
        Optional<String> state;
        try {
            state = freebit.state(sim.msisdn());
        } catch (ParticipantRefused refused) {
            return step.park(refused.getMessage());
        }
        if (state.isEmpty()) {
            return requestActivation(step, fulfillment, sim);
        }
        if (!step.isRepeated()) {
            return step.park("Freebit already has a line " + sim.msisdn() + " (" + state.get() + ") before this order asked for it");
        }
        return switch (state.get()) {
            case "active" -> accept(step, fulfillment);
            case "processing" -> followUp(step);
            case "cancelled" -> throw new SimLineCancelled();
            default -> step.retryLater("Freebit reports line " + sim.msisdn() + " as '" + state.get() + "'");
        };
    }

    private StepOutcome<Fulfillment> requestActivation(StepContext<Fulfillment> step, Fulfillment fulfillment, Fulfillment.SimLine sim) {
        String plan = fulfillment.lines().stream().filter(Fulfillment.Line::sim).findFirst().orElseThrow().planCode();
        try {
            freebit.activate(sim.msisdn(), plan, sim.eid(), activation.contractLine());
        } catch (ParticipantRefused refused) {
            if (TRY_AGAIN.contains(refused.code())) {
                return step.retryLater(refused.getMessage());
            }
            if (SETUP.contains(refused.code())) {
                return step.park(refused.getMessage());
            }
            log.warn("order {}: Freebit refused to activate the SIM line: {} (saga {})", fulfillment.orderId(), refused.getMessage(),
                    step.instanceId());
            throw new SimActivationRefused();
        }
        log.info("order {}: Freebit activating a {} line, plan {} (saga {})", fulfillment.orderId(), sim.esim() ? "eSIM" : "SIM",
                plan, step.instanceId());
        return followUp(step);
    }

    private StepOutcome<Fulfillment> followUp(StepContext<Fulfillment> step) {
        Duration waited = Duration.between(step.firstAttemptAt(), step.now());
        if (waited.compareTo(activation.timeout()) >= 0) {
            return step.park("Freebit has not finished activating the line after " + waited.toMinutes() + " minutes");
        }
        return step.waitFor(SIM_ACTIVATED, activation.pollInterval());
    }

    private StepOutcome<Fulfillment> accept(StepContext<Fulfillment> step, Fulfillment fulfillment) {
        if (!fulfillment.whmcsOrderAccepted()) {
            Optional<String> notAccepted = acceptance.accept(fulfillment.whmcsOrderId());
            if (notAccepted.isPresent()) {
                return step.park(notAccepted.get());
            }
        }
        log.info("order {}: SIM line active, WHMCS order {} accepted (saga {})", fulfillment.orderId(), fulfillment.whmcsOrderId(),
                step.instanceId());
        return step.done(fulfillment.withWhmcsOrderAccepted());
    }
}
