package dev.portal.cases.customer;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Null, or one of {@code portal.case.categories} (exact spelling): checked with the other fields, so errors come together. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCategoryValidator.class)
@interface KnownCategory {

    String message() default "must be one of the case categories";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
