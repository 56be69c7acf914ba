package dev.portal.identity.account;

import dev.portal.platform.errors.InvalidInput;

/** The email-change link's token is unknown, used or expired. */
class EmailChangeTokenInvalid extends InvalidInput {

    EmailChangeTokenInvalid() {
        super("email-change-token-invalid", "Bad request", "This link is invalid, used or expired. Ask for the change again.");
    }
}
