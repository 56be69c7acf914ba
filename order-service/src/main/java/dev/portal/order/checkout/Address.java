package dev.portal.order.checkout;

/** A postal address as the billing system holds it; {@code country} is an ISO 3166 code. */
public record Address(String street, String city, String state, String postalCode, String country) {
}
