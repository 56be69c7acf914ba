package dev.portal.identity.signup;

import dev.portal.platform.errors.InvalidInput;

/** The ownership code is wrong, used up (too many wrong guesses) or expired, or was never sent for this customer. */
public class OwnershipCodeInvalid extends InvalidInput {

    OwnershipCodeInvalid() {
        super("ownership-code-invalid", "Ownership code invalid",
                "The code is wrong or expired. Ask for a new one: it is mailed to the contact email we have on file for the customer number.");
    }
}
