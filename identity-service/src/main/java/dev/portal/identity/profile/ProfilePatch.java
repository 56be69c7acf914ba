package dev.portal.identity.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/me/profile}: a field left out (or null) stays as it is; the same rules as signup. The company name
 * is optional in WHMCS: an empty (or blank) one clears it.
 */
public record ProfilePatch(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,24}", message = "must be a phone number") String phone,
        @Size(max = 100) String companyName) {
}
