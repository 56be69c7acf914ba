package dev.portal.platform.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A setting that names an HTTP endpoint: an absolute {@code http} or {@code https} URL with a host. Null is valid
 * (pair it with {@code @NotNull} when the setting is required). Works on {@link URI} and {@link CharSequence}.
 */
@Documented
@Constraint(validatedBy = {HttpUrl.ForUri.class, HttpUrl.ForText.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

    String message() default "must be an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class ForUri implements ConstraintValidator<HttpUrl, URI> {
        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            return value == null || isHttp(value);
        }

        static boolean isHttp(URI uri) {
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        }
    }

    final class ForText implements ConstraintValidator<HttpUrl, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                return ForUri.isHttp(new URI(value.toString()));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
