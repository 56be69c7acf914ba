package dev.portal.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What a failed start says about its settings, one line per bad setting in the form
 * {@code portal.web.problem-base-uri: must not be blank}: the full setting name (as in YAML) and the reason. For tests
 * that show a missing or malformed setting stops a service (with an {@code ApplicationContextRunner}'s failure).
 */
public final class InvalidSettings {

    private InvalidSettings() {
    }

    /** Empty when {@code startupFailure} is null or is not about settings. */
    public static List<String> of(Throwable startupFailure) {
        List<String> found = new ArrayList<>();
        for (Throwable cause = startupFailure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                String prefix = invalid.getValidationErrors().getName().toString();
                for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                    String name = error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
                    found.add(name + ": " + error.getDefaultMessage());
                }
                return found;
            }
            if (cause instanceof BindException unbound && !(cause.getCause() instanceof BindValidationException)) {
                found.add(unbound.getName() + ": " + rootMessage(unbound));
                return found;
            }
        }
        return found;
    }

    /** {@code problemBaseUri} and {@code publicPaths[0]} as they are written in YAML: {@code problem-base-uri}, {@code public-paths[0]}. */
    private static String kebab(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
