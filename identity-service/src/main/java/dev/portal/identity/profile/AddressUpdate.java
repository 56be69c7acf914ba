package dev.portal.identity.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/me/address}: the whole address; {@code address2} may be left out to clear it. Same rules as signup. */
public record AddressUpdate(
        @NotBlank @Size(max = 200) String address1,
        @Size(max = 200) String address2,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 100) String state,
        @NotBlank @Size(max = 20) String postcode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {
}
