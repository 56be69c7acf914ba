package dev.portal.platform.saga;

import dev.portal.platform.errors.DomainException;
import dev.portal.platform.errors.UpstreamFailure;

/** How the engine reads an exception a step threw. */
final class Failures {

    private static final int MAX_REASON = 500;

    private Failures() {
    }

    /**
     * A refusal is permanent: a domain rule, or an external system that understood and refused (or answered with
     * something unreadable, which repeating will not fix). Anything else may pass: the external system was away or
     * slow, the database hiccupped, or the cause is unknown (retried, then parked for a person to look at).
     */
    static <D> StepOutcome<D> classify(RuntimeException e) {
        boolean permanent = e instanceof DomainException
                || e instanceof UpstreamFailure upstream && upstream.kind() == UpstreamFailure.Kind.FAILED;
        return permanent ? new StepOutcome.Failed<>(describe(e), e) : new StepOutcome.RetryLater<>(describe(e), e);
    }

    /** A short reason for the step log: the exception's kind and message, never a stack trace. */
    static String describe(Throwable e) {
        String text = e instanceof DomainException domain ? domain.code() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
