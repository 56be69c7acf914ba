package dev.portal.identity.signup;

import dev.portal.clients.whmcs.ClientDetails;
import dev.portal.clients.whmcs.ClientLookup;
import dev.portal.clients.whmcs.ClientUpdate;
import dev.portal.clients.whmcs.NewClient;
import dev.portal.clients.whmcs.WhmcsApiException;
import dev.portal.clients.whmcs.WhmcsClient;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** {@link WhmcsCustomers} on the WHMCS client: the vendor's shapes stay here. */
@Component
class WhmcsCustomersClient implements WhmcsCustomers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WhmcsClient whmcs;

    WhmcsCustomersClient(WhmcsClient whmcs) {
        this.whmcs = whmcs;
    }

    @Override
    public OptionalLong clientIdByEmail(String email) {
        try {
            return OptionalLong.of(whmcs.getClientsDetails(ClientLookup.byEmail(email), false).client().id());
        } catch (WhmcsApiException e) {
            if (e.is("Client Not Found")) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public long addClient(Registration r) {
        SignupRequest.Address address = r.address();
        return whmcs.addClient(new NewClient(r.firstName(), r.lastName(), r.email(), address.address1(), address.address2(),
                address.city(), address.state(), address.postcode(), address.country(), r.phone(),
                // WHMCS credentials are not the portal's: the client gets a random password nobody knows
                randomPassword(), null, false));
    }

    @Override
    public void updateContact(long clientId, Registration r) {
        SignupRequest.Address address = r.address();
        ClientUpdate update = ClientUpdate.of(clientId).withName(r.firstName(), r.lastName()).withPhonenumber(r.phone());
        if (address != null) {
            update = update.withAddress(address.address1(), address.address2() == null ? "" : address.address2(), address.city(),
                    address.state(), address.postcode(), address.country());
        }
        whmcs.updateClient(update);
    }

    @Override
    public Optional<ExistingClient> verifiedClient(String email, String whmcsPassword) {
        if (whmcs.validateLogin(email, whmcsPassword).isEmpty()) {
            return Optional.empty();
        }
        ClientDetails client = whmcs.getClientsDetails(ClientLookup.byEmail(email), false).client();
        return Optional.of(new ExistingClient(client.id(), trimmed(client.firstname()), trimmed(client.lastname())));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "!a1";
    }
}
