package dev.portal.platform.web.reactive;

import dev.portal.platform.errors.DomainException;
import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.web.ErrorProblems;
import dev.portal.platform.web.Problems;
import dev.portal.platform.web.RequestIds;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reactive side's answer to every unhandled error: the same problem+json as the servlet services. An
 * upstream that refuses connections is a 503, one that does not answer in time a 504; nothing internal leaks.
 */
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final Problems problems;
    private final ErrorProblems errors;
    private final JsonMapper json = JsonMapper.builder().build();

    ProblemWebExceptionHandler(Problems problems, ErrorProblems errors) {
        this.problems = problems;
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ErrorProblems.Answer answer = switch (failure) {
            case DomainException refusal -> errors.of(refusal);
            case UpstreamFailure upstream -> errors.of(upstream);
            default -> null;
        };
        ProblemDetail problem = answer != null ? answer.body() : problemFor(failure);
        if (answer != null) {
            exchange.getResponse().getHeaders().addAll(answer.headers());
        }
        problems.withCorrelation(problem, exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(Problems.asJson(problem)));
        return exchange.getResponse().writeWith(Mono.just(body));
    }

    private ProblemDetail problemFor(Throwable failure) {
        if (failure instanceof ResponseStatusException status) {
            return problems.create(status.getStatusCode(), Problems.codeFor(status.getStatusCode()),
                    reason(status.getStatusCode()), reason(status.getStatusCode()));
        }
        if (causedBy(failure, TimeoutException.class)) {
            return problems.create(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream timeout",
                    "A service behind the gateway did not answer in time.");
        }
        if (causedBy(failure, ConnectException.class)) {
            return problems.create(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Upstream unavailable",
                    "A service behind the gateway is not reachable right now.");
        }
        log.error("unhandled failure", failure);
        return problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed. Quote the request id when reporting it.");
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
