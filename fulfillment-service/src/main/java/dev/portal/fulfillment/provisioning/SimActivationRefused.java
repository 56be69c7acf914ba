package dev.portal.fulfillment.provisioning;

import dev.portal.platform.errors.RuleViolation;

/** Freebit refused to activate the order's SIM line: the order is undone and the customer is told why. */
public class SimActivationRefused extends RuleViolation {

    public static final String CODE = "sim-activation-refused";

    public SimActivationRefused() {
        super(CODE, "SIM activation refused", "The mobile network could not activate the SIM line of this order.");
    }
}
