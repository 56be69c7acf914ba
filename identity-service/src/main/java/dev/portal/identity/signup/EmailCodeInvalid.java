package dev.portal.identity.signup;

import dev.portal.platform.errors.InvalidInput;

/** The code confirming the signup email is wrong, used up or expired, or no signup waits for it. */
public class EmailCodeInvalid extends InvalidInput {

    EmailCodeInvalid() {
        super("email-code-invalid", "Email code invalid", "The code is wrong or expired. Send the signup again for a new one.");
    }
}
