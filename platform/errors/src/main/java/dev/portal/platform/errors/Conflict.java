package dev.portal.platform.errors;

import java.util.Map;

/** The request conflicts with the current state: a duplicate, an already-linked account, a reused key (HTTP 409). */
public abstract non-sealed class Conflict extends DomainException {

    protected Conflict(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected Conflict(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
