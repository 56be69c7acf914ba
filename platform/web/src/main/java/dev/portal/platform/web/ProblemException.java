package dev.portal.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller should see as an RFC 9457 problem with a stable machine-readable {@code code}
 * (kebab-case, e.g. {@code payment-method-missing}). Services throw it from their application services; the
 * problem handler renders it. The detail must be safe to show to the caller.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public ProblemException(HttpStatus status, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        if (!Problems.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("problem code must be kebab-case, was " + code);
        }
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, "Not found", detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, "Bad request", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
