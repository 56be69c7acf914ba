package dev.portal.platform.errors;

import java.util.Map;

/** The thing does not exist, or belongs to someone else: both look the same to the caller (HTTP 404). */
public abstract non-sealed class NotFound extends DomainException {

    protected NotFound(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected NotFound(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
