package dev.portal.identity.profile;

/** The caller's postal address as WHMCS holds it; {@code country} is ISO 3166 alpha-2. */
public record Address(String address1, String address2, String city, String state, String postcode, String country) {
}
