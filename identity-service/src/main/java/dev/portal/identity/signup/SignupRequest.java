package dev.portal.identity.signup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/signup}.
 *
 * @param ownershipCode the one-time code mailed to the contact email on file for the customer number
 *                      ({@code POST /api/auth/signup/ownership-code})
 */
public record SignupRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be a customer number such as SF-100005") String customerNumber,
        @NotBlank @Pattern(regexp = "[0-9]{8}", message = "must be the 8-digit code from the mail") String ownershipCode,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,24}", message = "must be a phone number") String phone,
        @NotNull @Valid Address address) {

    public record Address(
            @NotBlank @Size(max = 200) String address1,
            @Size(max = 200) String address2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 100) String state,
            @NotBlank @Size(max = 20) String postcode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {
    }

    @Override
    public String toString() {
        return "SignupRequest[" + customerNumber + ", " + email + ", code and password=(hidden)]";
    }
}
