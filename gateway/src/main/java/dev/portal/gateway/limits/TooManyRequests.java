package dev.portal.gateway.limits;

import dev.portal.gateway.edge.EdgeProblems;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

final class TooManyRequests {

    private TooManyRequests() {
    }

    static Mono<Void> answer(EdgeProblems problems, ServerWebExchange exchange, Duration wait, String whose) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "Too many requests from this " + whose + "; retry after " + seconds + " s.");
    }
}
