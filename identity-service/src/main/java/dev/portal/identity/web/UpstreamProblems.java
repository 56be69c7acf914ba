package dev.portal.identity.web;

import dev.portal.clients.support.ExternalRejectedException;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.identity.limits.RateLimits;
import dev.portal.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rate limits: 429 {@code rate-limited} with {@code Retry-After}.
 * WHMCS or Salesforce could not answer: 503 {@code upstream-unavailable}; it answered with a refusal the service did
 * not expect: 502 {@code upstream-failed}. The system is named, nothing internal is shown.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UpstreamProblems {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);

    private final Problems problems;

    UpstreamProblems(Problems problems) {
        this.problems = problems;
    }

    /** {@code 429 rate-limited} with {@code Retry-After} in seconds. */
    @ExceptionHandler(RateLimits.RateLimited.class)
    ResponseEntity<ProblemDetail> limited(RateLimits.RateLimited e) {
        ProblemDetail problem = problems.create(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many attempts. Try again in " + e.retryAfterSeconds() + " seconds.");
        problem.setProperty("retryAfter", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ExternalSystemException.class)
    ResponseEntity<ProblemDetail> upstream(ExternalSystemException e) {
        log.warn("{} {} failed: {}", e.system(), e.operation(), e.toString());
        if (e instanceof ExternalRejectedException) {
            // it answered, and refused: repeating the request will not help
            ProblemDetail problem = problems.create(HttpStatus.BAD_GATEWAY, "upstream-failed", "Upstream failed",
                    "A system this request needs (" + e.system() + ") refused it. Quote the request id when reporting it.");
            problem.setProperty("system", e.system());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
        }
        ProblemDetail problem = problems.create(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Upstream unavailable",
                "A system this request needs (" + e.system() + ") did not answer. Try again in a moment.");
        problem.setProperty("system", e.system());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
    }
}
