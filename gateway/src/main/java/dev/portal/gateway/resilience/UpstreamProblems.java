package dev.portal.gateway.resilience;

import dev.portal.gateway.edge.EdgeProblems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The fallbacks of the routes, as problems: a service that cannot be reached (connection refused, breaker open,
 * signing keys unreachable) is 503 {@code upstream-unavailable}; one that does not answer in time is 504
 * {@code upstream-timeout}; one that broke the exchange (connection closed mid-answer, malformed answer) is 502
 * {@code upstream-failed}. Everything else goes on to platform-web's handler.
 */
@Component
@Order(-3) // before platform-web's ProblemWebExceptionHandler (-2)
class UpstreamProblems implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);

    private final EdgeProblems problems;

    UpstreamProblems(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String path = exchange.getRequest().getPath().value();
        if (causedBy(failure, CallNotPermittedException.class) || causedBy(failure, ConnectException.class)
                || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, ServiceUnavailableException.class) || causedBy(failure, AuthenticationServiceException.class)
                || status(failure) == 503) {
            log.info("upstream unavailable for {}: {}", path, failure.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Upstream unavailable",
                    "A service behind the gateway is not reachable right now.");
        }
        if (causedBy(failure, TimeoutException.class) || status(failure) == 504) {
            log.info("upstream timeout for {}: {}", path, failure.toString());
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream timeout",
                    "A service behind the gateway did not answer in time.");
        }
        if (causedBy(failure, IOException.class) || status(failure) == 502) {
            log.warn("upstream failed for {}: {}", path, failure.toString());
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "upstream-failed", "Upstream failed",
                    "A service behind the gateway broke off its answer.");
        }
        return Mono.error(failure);
    }

    private static int status(Throwable failure) {
        return failure instanceof ResponseStatusException status ? status.getStatusCode().value() : 0;
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
