package dev.portal.identity.profile;

import dev.portal.platform.errors.InvalidInput;
import java.util.List;
import java.util.Map;

/** A profile or address body names fields the endpoint does not take; they are refused by name, never dropped. */
class UnknownFields extends InvalidInput {

    UnknownFields(List<String> fields) {
        super("unknown-fields", "Unknown fields", "These fields cannot be set here: " + String.join(", ", fields) + ".",
                Map.of("fields", fields));
    }
}
