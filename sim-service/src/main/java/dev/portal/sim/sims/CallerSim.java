package dev.portal.sim.sims;

import dev.portal.sim.whmcs.SimSubscription;
import java.util.UUID;

/** One of the caller's SIM services, with who the caller is (the portal user and their WHMCS client). */
public record CallerSim(UUID userId, long clientId, SimSubscription sim) {

    public long id() {
        return sim.id();
    }

    public String msisdn() {
        return sim.msisdn();
    }
}
