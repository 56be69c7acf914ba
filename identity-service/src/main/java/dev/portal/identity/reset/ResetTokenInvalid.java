package dev.portal.identity.reset;

import dev.portal.platform.errors.InvalidInput;

/** The reset link's token is unknown, used or expired. */
class ResetTokenInvalid extends InvalidInput {

    ResetTokenInvalid() {
        super("reset-token-invalid", "Bad request", "This reset link is invalid, used or expired. Ask for a new one.");
    }
}
