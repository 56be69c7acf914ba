package dev.portal.clients.whmcs;

import java.util.Objects;

/**
 * AddClient's fields. WHMCS requires all but {@code companyname} and {@code address2}; {@code country} is ISO-3166
 * alpha-2. {@code password} is the client's login password ({@code password2} on the wire).
 */
public record NewClient(String firstname, String lastname, String email, String address1, String address2, String city,
                        String state, String postcode, String country, String phonenumber, String password,
                        String companyname, boolean noEmail) {

    public NewClient {
        Objects.requireNonNull(email, "email");
        address2 = address2 == null ? "" : address2;
        companyname = companyname == null ? "" : companyname;
    }

    @Override
    public String toString() {
        return "NewClient[" + firstname + " " + lastname + ", " + email + ", country=" + country + ", password=(hidden)]";
    }
}
