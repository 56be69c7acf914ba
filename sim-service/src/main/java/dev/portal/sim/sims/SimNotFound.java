package dev.portal.sim.sims;

import dev.portal.platform.errors.NotFound;
import java.util.Map;

/** No SIM service with this id among the caller's: absent, not a SIM, or another customer's (never said which). */
public class SimNotFound extends NotFound {

    public SimNotFound(long simId) {
        super("sim-not-found", "SIM not found", "You have no SIM service " + simId + ".", Map.of());
    }
}
