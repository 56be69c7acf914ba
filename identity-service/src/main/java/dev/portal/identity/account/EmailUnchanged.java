package dev.portal.identity.account;

import dev.portal.platform.errors.InvalidInput;

/** The new email is the one the account has. */
class EmailUnchanged extends InvalidInput {

    EmailUnchanged() {
        super("email-unchanged", "Email unchanged", "This is already the email of your account.");
    }
}
