package dev.portal.cases.customer;

import dev.portal.cases.config.CaseProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KnownCategory} against the configured categories (Spring creates it with the settings injected). */
class KnownCategoryValidator implements ConstraintValidator<KnownCategory, String> {

    private final CaseProperties properties;

    KnownCategoryValidator(CaseProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean isValid(String category, ConstraintValidatorContext context) {
        if (category == null || properties.categories().contains(category)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", properties.categories()))
                .addConstraintViolation();
        return false;
    }
}
