package dev.portal.platform.web;

import java.net.URI;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the suite's problem documents: {@code type} = base URI + code, plus {@code code}, request and trace ids. */
public final class Problems {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String baseUri;

    public Problems(String baseUri) {
        this.baseUri = baseUri.endsWith("/") ? baseUri : baseUri + "/";
    }

    public ProblemDetail create(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code, title);
    }

    /** Adds the suite's type, code and correlation ids to a problem built elsewhere (e.g. by Spring). */
    public ProblemDetail decorate(ProblemDetail problem, String code, String title) {
        problem.setType(URI.create(baseUri + code));
        if (title != null) {
            problem.setTitle(title);
        }
        problem.setProperty("code", code);
        return withCorrelation(problem, MDC.get(RequestIds.MDC_KEY));
    }

    /** Adds the request id (and the trace id, when tracing put one in the log context). */
    public ProblemDetail withCorrelation(ProblemDetail problem, String requestId) {
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        String traceId = MDC.get("traceId");
        if (traceId != null && !traceId.isBlank()) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** The problem as a plain JSON object, for code that writes responses without Spring's message converters. */
    public static java.util.Map<String, Object> asJson(ProblemDetail problem) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The code for a status when nothing more specific is known. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 502 -> "upstream-failed";
            case 503 -> "unavailable";
            case 504 -> "upstream-timeout";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }
}
