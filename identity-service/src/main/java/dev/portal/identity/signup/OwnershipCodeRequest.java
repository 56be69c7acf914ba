package dev.portal.identity.signup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/auth/signup/ownership-code}: mail a signup code to the contact email on file for this customer number. */
public record OwnershipCodeRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be a customer number such as SF-100005") String customerNumber) {
}
