package dev.portal.identity.profile;

import dev.portal.platform.errors.InvalidInput;

/** A profile or address field that is not a string (a number, an object). */
class FieldsNotText extends InvalidInput {

    FieldsNotText() {
        super("validation-failed", "Bad request", "Every field must be a string.");
    }
}
