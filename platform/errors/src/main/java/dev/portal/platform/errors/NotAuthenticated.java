package dev.portal.platform.errors;

import java.util.Map;

/** The caller could not be authenticated: wrong credentials, an expired or used token (HTTP 401). */
public abstract non-sealed class NotAuthenticated extends DomainException {

    protected NotAuthenticated(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected NotAuthenticated(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
