package dev.portal.platform.errors;

import java.util.Map;

/** The caller is known but may not do this (HTTP 403). Prefer {@link NotFound} for another customer's resource. */
public abstract non-sealed class NotPermitted extends DomainException {

    protected NotPermitted(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected NotPermitted(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
