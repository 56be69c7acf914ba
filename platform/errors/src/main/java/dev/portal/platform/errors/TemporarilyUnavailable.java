package dev.portal.platform.errors;

import java.util.Map;

/** The portal itself cannot serve the request right now (busy, a cold cache); the caller may retry later (HTTP 503). */
public abstract non-sealed class TemporarilyUnavailable extends DomainException {

    protected TemporarilyUnavailable(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected TemporarilyUnavailable(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
