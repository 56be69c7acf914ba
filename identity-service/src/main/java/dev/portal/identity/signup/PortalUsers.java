package dev.portal.identity.signup;

import java.time.Instant;

/** Creating the portal user of a registration. */
interface PortalUsers {

    /**
     * Inserts the user and its id mapping and publishes {@code user-registered} (and {@code account-linked} for an
     * existing client), in the caller's transaction.
     *
     * @throws EmailTaken   when the email became a portal user meanwhile (a new customer)
     * @throws AlreadyLinked when the email or the WHMCS client got a portal user meanwhile (an account link)
     */
    void register(Registration registration, Instant at);
}
