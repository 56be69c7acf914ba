package dev.portal.platform.web;

import dev.portal.platform.errors.Conflict;
import dev.portal.platform.errors.DomainException;
import dev.portal.platform.errors.InvalidInput;
import dev.portal.platform.errors.LimitReached;
import dev.portal.platform.errors.NotAuthenticated;
import dev.portal.platform.errors.NotFound;
import dev.portal.platform.errors.NotPermitted;
import dev.portal.platform.errors.PaymentRequired;
import dev.portal.platform.errors.RuleViolation;
import dev.portal.platform.errors.TemporarilyUnavailable;
import dev.portal.platform.errors.UpstreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place where the failures application code raises become HTTP: a {@link DomainException}'s category
 * picks the status and its code becomes the problem's {@code code}; an {@link UpstreamFailure} becomes 502/503/504
 * naming the system. Used by the servlet and the reactive problem handlers alike.
 */
public final class ErrorProblems {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);
    /** How long a caller should wait before retrying a request an external system could not serve. */
    static final String UPSTREAM_RETRY_AFTER_SECONDS = "30";

    private final Problems problems;

    public ErrorProblems(Problems problems) {
        this.problems = problems;
    }

    /** A problem plus the headers that go with it ({@code Retry-After}). */
    public record Answer(HttpStatus status, ProblemDetail body, HttpHeaders headers) {
    }

    public static HttpStatus statusOf(DomainException refusal) {
        return switch (refusal) {
            case InvalidInput e -> HttpStatus.BAD_REQUEST;
            case NotAuthenticated e -> HttpStatus.UNAUTHORIZED;
            case PaymentRequired e -> HttpStatus.PAYMENT_REQUIRED;
            case NotPermitted e -> HttpStatus.FORBIDDEN;
            case NotFound e -> HttpStatus.NOT_FOUND;
            case Conflict e -> HttpStatus.CONFLICT;
            case RuleViolation e -> HttpStatus.UNPROCESSABLE_CONTENT;
            case LimitReached e -> e.asConflict() ? HttpStatus.CONFLICT : HttpStatus.TOO_MANY_REQUESTS;
            case TemporarilyUnavailable e -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public Answer of(DomainException refusal) {
        HttpStatus status = statusOf(refusal);
        ProblemDetail body = problems.create(status, refusal.code(), refusal.title(), refusal.getMessage());
        refusal.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (refusal instanceof LimitReached limit) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()));
        } else if (refusal.properties().get("retryAfter") instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return new Answer(status, body, headers);
    }

    public Answer of(UpstreamFailure failure) {
        log.warn("{} {} failed: {}", failure.system(), failure.operation(), failure.toString());
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail body = switch (failure.kind()) {
            case FAILED -> problems.create(HttpStatus.BAD_GATEWAY, "upstream-failed", "Upstream failed",
                    "A system this request needs (" + failure.system() + ") could not serve it. Quote the request id when reporting it.");
            case UNAVAILABLE -> {
                headers.set(HttpHeaders.RETRY_AFTER, UPSTREAM_RETRY_AFTER_SECONDS);
                yield problems.create(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Upstream unavailable",
                        "A system this request needs (" + failure.system() + ") did not answer. Try again in a moment.");
            }
            case TIMEOUT -> problems.create(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream timeout",
                    "A system this request needs (" + failure.system() + ") did not answer in time. Try again in a moment.");
        };
        body.setProperty("system", failure.system());
        return new Answer(HttpStatus.valueOf(body.getStatus()), body, headers);
    }
}
