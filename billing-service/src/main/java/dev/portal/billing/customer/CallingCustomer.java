package dev.portal.billing.customer;

import dev.portal.platform.security.CurrentUser;
import dev.portal.platform.security.PortalUser;
import org.springframework.stereotype.Component;

/** Who is asking, from the access token of the current request ({@code whmcs_client_id}, {@code sf_account_id}). */
@Component
public class CallingCustomer {

    private final CurrentUser currentUser;

    CallingCustomer(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The caller's customer; {@link AccountNotLinked} when the token names no WHMCS client. */
    public Customer get() {
        PortalUser user = currentUser.get();
        int clientId = user.whmcsClientId().orElseThrow(AccountNotLinked::new);
        return new Customer(clientId, user.sfAccountId().orElse(null));
    }
}
