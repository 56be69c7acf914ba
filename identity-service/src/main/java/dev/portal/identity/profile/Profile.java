package dev.portal.identity.profile;

/** The caller's contact details as WHMCS holds them (the portal's shape, not WHMCS's). */
public record Profile(String email, String firstName, String lastName, String phone, String companyName) {
}
