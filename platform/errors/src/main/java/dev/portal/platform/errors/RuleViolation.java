package dev.portal.platform.errors;

import java.util.Map;

/** Well-formed input that a business rule refuses (HTTP 422). */
public abstract non-sealed class RuleViolation extends DomainException {

    protected RuleViolation(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected RuleViolation(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
