package dev.portal.identity.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/signup/confirm}: the code mailed to the signup email, which then creates the account. */
public record SignupConfirmation(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be a customer number such as SF-100005") String customerNumber,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "[0-9]{8}", message = "must be the 8-digit code from the mail") String emailCode) {

    @Override
    public String toString() {
        return "SignupConfirmation[" + customerNumber + ", " + email + ", code=(hidden)]";
    }
}
