package dev.portal.platform.errors;

import java.util.Map;

/** The request itself is malformed or names something that cannot exist (HTTP 400). */
public abstract non-sealed class InvalidInput extends DomainException {

    protected InvalidInput(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected InvalidInput(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
