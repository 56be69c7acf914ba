package dev.portal.sim.operations;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** Only an active SIM service (in WHMCS) or a line Freebit has not cancelled can be changed. */
public class SimNotActive extends Conflict {

    SimNotActive(long simId, String status) {
        super("sim-not-active", "SIM not active", "SIM " + simId + " is " + status + " and cannot be changed.",
                Map.of("status", status));
    }
}
