package dev.portal.sim.sims;

import dev.portal.platform.security.CurrentUser;
import dev.portal.platform.security.PortalUser;
import dev.portal.sim.whmcs.SimSubscription;
import dev.portal.sim.whmcs.SimSubscriptions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The SIM services of the caller of the current request, found through the WHMCS client id in their token (never
 * from the request). Another customer's SIM id is {@link SimNotFound}, as if it did not exist.
 */
@Component
public class CallerSims {

    private final CurrentUser currentUser;
    private final SimSubscriptions subscriptions;

    CallerSims(CurrentUser currentUser, SimSubscriptions subscriptions) {
        this.currentUser = currentUser;
        this.subscriptions = subscriptions;
    }

    public List<SimSubscription> all() {
        return subscriptions.ofClient(clientId(currentUser.get()));
    }

    /** The caller's SIM service {@code simId}. */
    public CallerSim get(long simId) {
        PortalUser user = currentUser.get();
        long clientId = clientId(user);
        SimSubscription sim = subscriptions.find(clientId, simId).orElseThrow(() -> new SimNotFound(simId));
        return new CallerSim(userId(user), clientId, sim);
    }

    private static long clientId(PortalUser user) {
        return user.whmcsClientId().orElseThrow(AccountNotLinked::new);
    }

    private static UUID userId(PortalUser user) {
        try {
            return UUID.fromString(user.id());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a portal user id is a UUID; the token's subject is not", e);
        }
    }
}
