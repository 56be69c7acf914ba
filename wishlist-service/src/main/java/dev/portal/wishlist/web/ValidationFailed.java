package dev.portal.wishlist.web;

import dev.portal.platform.errors.InvalidInput;
import java.util.List;
import java.util.Map;

/** Fields of a request break their constraints: {@code errors} lists {@code {field, message}} as Bean Validation's answer does. */
public final class ValidationFailed extends InvalidInput {

    ValidationFailed(List<Map<String, String>> errors) {
        super("validation-failed", "Validation failed", "The request has " + errors.size() + " invalid field(s).",
                Map.of("errors", List.copyOf(errors)));
    }
}
