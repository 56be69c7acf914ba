package dev.portal.wishlist.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects invalid fields and fails as {@link ValidationFailed}, the platform's {@code 400 validation-failed} shape
 * ({@code errors: [{field, message}]}, field names as the client sent them, snake_case). Services validate by hand
 * where membership must be checked before the input is looked at, so Bean Validation cannot run first.
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
            throw new ValidationFailed(errors);
        }
    }

    /** {@code products[0].productCode} → {@code products[0].product_code}; list element markers are dropped. */
    static String snake(String path) {
        String cleaned = path.replace(".<list element>", "").replace("<list element>", "");
        Matcher matcher = CAMEL.matcher(cleaned);
        return matcher.replaceAll(match -> match.group(1) + "_" + match.group(2).toLowerCase());
    }
}
