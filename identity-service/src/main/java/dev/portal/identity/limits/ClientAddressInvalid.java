package dev.portal.identity.limits;

import dev.portal.platform.errors.InvalidInput;

/** The gateway's {@code X-Forwarded-For} entry is not an IP address: nothing to count a per-address limit against. */
public class ClientAddressInvalid extends InvalidInput {

    public ClientAddressInvalid() {
        super("client-address-invalid", "Client address invalid", "The request does not say which address it comes from.");
    }
}
