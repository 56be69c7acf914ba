package dev.portal.platform.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rule of the domain refused a request. Application code throws one class per rule ({@code EmailTaken},
 * {@code QuotaExceeded}), each extending the category below that says what kind of refusal it is; the edge
 * (platform-web) turns the category into an HTTP status and the {@link #code()} into the problem's stable
 * {@code code}. Nothing here knows HTTP. The message is the problem's {@code detail}: it must be safe to show to
 * the caller (no ids of other customers, no internals).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, NotAuthenticated, PaymentRequired, NotPermitted, NotFound, Conflict, RuleViolation,
        LimitReached, TemporarilyUnavailable {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected DomainException(String code, String title, String detail, Map<String, ?> properties) {
        super(detail);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a domain error code must be kebab-case, was " + code);
        }
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
    }

    /** The stable, machine-readable code, e.g. {@code payment-method-missing}. */
    public String code() {
        return code;
    }

    /** A short human title of the refusal, e.g. "Payment method missing". */
    public String title() {
        return title;
    }

    /** Extra members of the problem document (e.g. {@code nextAllowedAt}); values must be JSON-friendly. */
    public Map<String, Object> properties() {
        return properties;
    }
}
