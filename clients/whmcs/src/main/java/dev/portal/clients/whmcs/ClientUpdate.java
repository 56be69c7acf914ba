package dev.portal.clients.whmcs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateClient: the client and the fields to set; a null field is left unchanged. {@code status} is
 * {@code Active}, {@code Inactive} or {@code Closed}; {@code paymentMethod} a gateway system name.
 * {@code emailPreferences} keys are {@code general, product, domain, invoice, support, affiliate}.
 */
public record ClientUpdate(long clientId, String firstname, String lastname, String email, String address1, String address2,
                           String city, String state, String postcode, String country, String phonenumber, String status,
                           String paymentMethod, Map<String, Boolean> emailPreferences) {

    public ClientUpdate {
        emailPreferences = emailPreferences == null ? Map.of() : Map.copyOf(emailPreferences);
    }

    /** Nothing changed yet. */
    public static ClientUpdate of(long clientId) {
        return new ClientUpdate(clientId, null, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    public ClientUpdate withEmail(String value) {
        return new ClientUpdate(clientId, firstname, lastname, value, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, emailPreferences);
    }

    public ClientUpdate withName(String first, String last) {
        return new ClientUpdate(clientId, first, last, email, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, emailPreferences);
    }

    public ClientUpdate withAddress(String line1, String line2, String cityName, String stateName, String postalCode, String countryCode) {
        return new ClientUpdate(clientId, firstname, lastname, email, line1, line2, cityName, stateName, postalCode, countryCode,
                phonenumber, status, paymentMethod, emailPreferences);
    }

    public ClientUpdate withPhonenumber(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                value, status, paymentMethod, emailPreferences);
    }

    public ClientUpdate withStatus(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, value, paymentMethod, emailPreferences);
    }

    public ClientUpdate withPaymentMethod(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, status, value, emailPreferences);
    }

    public ClientUpdate withEmailPreference(String kind, boolean wanted) {
        Map<String, Boolean> more = new LinkedHashMap<>(emailPreferences);
        more.put(kind, wanted);
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, more);
    }
}
