package dev.portal.sim.sims;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** The caller's portal account is not linked to a WHMCS client yet, so it has no SIM services to show. */
public class AccountNotLinked extends Conflict {

    public AccountNotLinked() {
        super("account-not-linked", "Account not linked", "Your portal account is not linked to a customer account yet.", Map.of());
    }
}
