package dev.portal.identity.account;

import dev.portal.platform.errors.InvalidInput;

/** A change of password or email whose current password is wrong (not a 401: the session itself is fine). */
class CurrentPasswordInvalid extends InvalidInput {

    CurrentPasswordInvalid() {
        super("current-password-invalid", "Current password invalid", "The current password is wrong.");
    }
}
