package dev.portal.gateway.limits;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.ClientAddress;
import dev.portal.gateway.edge.EdgeProblems;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-address limit on everything except the actuator (probes and scrapes come often and from inside). Runs before
 * authentication, so a flood of bad tokens is throttled too. The address is {@link ClientAddress}'s: the TCP peer,
 * or behind a configured trusted proxy the client that proxy names; never a header a client sent by itself.
 */
class ClientLimit implements WebFilter, Ordered {

    private final RequestBuckets buckets;
    private final EdgeProblems problems;

    ClientLimit(GatewayProperties.Limits limits, EdgeProblems problems) {
        this.buckets = new RequestBuckets(limits.perIp(), limits.maxTrackedKeys());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        String key = ClientAddress.of(exchange);
        Duration wait = buckets.tryTake(key);
        return wait.isZero() ? chain.filter(exchange) : TooManyRequests.answer(problems, exchange, wait, "address");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
