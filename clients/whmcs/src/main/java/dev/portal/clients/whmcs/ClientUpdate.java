package dev.portal.clients.whmcs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateClient: the client and the fields to set; a null field is left unchanged. {@code status} is
 * {@code Active}, {@code Inactive} or {@code Closed}; {@code paymentMethod} a gateway system name.
 * {@code emailPreferences} keys are {@code general, product, domain, invoice, support, affiliate}.
 * {@code companyname} may be empty to clear it (it is optional in WHMCS).
 */
public record ClientUpdate(long clientId, String firstname, String lastname, String email, String address1, String address2,
                           String city, String state, String postcode, String country, String phonenumber, String status,
                           String paymentMethod, Map<String, Boolean> emailPreferences, String companyname) {

    public ClientUpdate {
        emailPreferences = emailPreferences == null ? Map.of() : Map.copyOf(emailPreferences);
    }

    /** The shape before {@code companyname} was added (left unchanged), kept for existing callers. */
    public ClientUpdate(long clientId, String firstname, String lastname, String email, String address1, String address2,
                        String city, String state, String postcode, String country, String phonenumber, String status,
                        String paymentMethod, Map<String, Boolean> emailPreferences) {
        this(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country, phonenumber, status,
                paymentMethod, emailPreferences, null);
    }

    /** Nothing changed yet. */
    public static ClientUpdate of(long clientId) {
        return new ClientUpdate(clientId, null, null, null, null, null, null, null, null, null, null, null, null, Map.of(), null);
    }

    public ClientUpdate withEmail(String value) {
        return new ClientUpdate(clientId, firstname, lastname, value, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, emailPreferences, companyname);
    }

    public ClientUpdate withName(String first, String last) {
        return new ClientUpdate(clientId, first, last, email, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, emailPreferences, companyname);
    }

    public ClientUpdate withAddress(String line1, String line2, String cityName, String stateName, String postalCode, String countryCode) {
        return new ClientUpdate(clientId, firstname, lastname, email, line1, line2, cityName, stateName, postalCode, countryCode,
                phonenumber, status, paymentMethod, emailPreferences, companyname);
    }

    public ClientUpdate withPhonenumber(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                value, status, paymentMethod, emailPreferences, companyname);
    }

    public ClientUpdate withStatus(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, value, paymentMethod, emailPreferences, companyname);
    }

    public ClientUpdate withPaymentMethod(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, status, value, emailPreferences, companyname);
    }

    public ClientUpdate withCompanyname(String value) {
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, emailPreferences, value);
    }

    public ClientUpdate withEmailPreference(String kind, boolean wanted) {
        Map<String, Boolean> more = new LinkedHashMap<>(emailPreferences);
        more.put(kind, wanted);
        return new ClientUpdate(clientId, firstname, lastname, email, address1, address2, city, state, postcode, country,
                phonenumber, status, paymentMethod, more, companyname);
    }
}
