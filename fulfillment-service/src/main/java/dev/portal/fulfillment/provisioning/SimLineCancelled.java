package dev.portal.fulfillment.provisioning;

import dev.portal.platform.errors.RuleViolation;

/** The SIM line being activated was cancelled at Freebit before it became active: the order is undone. */
public class SimLineCancelled extends RuleViolation {

    public static final String CODE = "sim-line-cancelled";

    public SimLineCancelled() {
        super(CODE, "SIM line cancelled", "The SIM line of this order was cancelled before it could be activated.");
    }
}
