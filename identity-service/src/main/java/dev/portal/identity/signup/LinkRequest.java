package dev.portal.identity.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/link}: an existing WHMCS client proves its WHMCS password once and chooses a portal password.
 */
public record LinkRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be a customer number such as SF-100003") String customerNumber,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String whmcsPassword,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password) {

    @Override
    public String toString() {
        return "LinkRequest[" + customerNumber + ", " + email + ", passwords=(hidden)]";
    }
}
