package dev.portal.identity.signup;

import java.util.Optional;
import java.util.OptionalLong;

/** What signup and linking need of WHMCS. */
interface WhmcsCustomers {

    /** The client that has this email, if any. */
    OptionalLong clientIdByEmail(String email);

    /** Creates the new customer's client (with a random WHMCS password: portal and WHMCS credentials are separate). */
    long addClient(Registration registration);

    /** Brings an existing client's names, phone and address to the registration's (a retried signup's newest data). */
    void updateContact(long clientId, Registration registration);

    /** The client with this email, if WHMCS accepts {@code whmcsPassword} for it. */
    Optional<ExistingClient> verifiedClient(String email, String whmcsPassword);

    /** A WHMCS client that proved its password, with the names WHMCS has for it. */
    record ExistingClient(long id, String firstName, String lastName) {
    }
}
