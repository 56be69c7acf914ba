package dev.portal.wishlist.web;

import dev.portal.platform.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Collects invalid fields and fails as the platform's {@code 400 validation-failed} problem with the same
 * {@code errors: [{field, message}]} shape, field names as the client sent them (snake_case). Services validate
 * by hand where the seed orders checks (membership before input), so Bean Validation cannot run first.
 */
public final class FieldErrors {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
        return this;
    }

    public <T> FieldErrors validate(Validator validator, T body) {
        validator.validate(body).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> add(snake(v.getPropertyPath().toString()), v.getMessage()));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                    "The request has " + errors.size() + " invalid field(s).", Map.of("errors", List.copyOf(errors)));
        }
    }

    /** {@code products[0].productCode} → {@code products[0].product_code}; list element markers are dropped. */
    static String snake(String path) {
        String cleaned = path.replace(".<list element>", "").replace("<list element>", "");
        Matcher matcher = CAMEL.matcher(cleaned);
        return matcher.replaceAll(match -> match.group(1) + "_" + match.group(2).toLowerCase());
    }
}
