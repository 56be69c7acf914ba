package dev.portal.platform.errors;

import java.util.Map;

/** The action needs a paid subscription the caller does not have (HTTP 402). */
public abstract non-sealed class PaymentRequired extends DomainException {

    protected PaymentRequired(String code, String title, String detail) {
        this(code, title, detail, Map.of());
    }

    protected PaymentRequired(String code, String title, String detail, Map<String, ?> properties) {
        super(code, title, detail, properties);
    }
}
