package dev.portal.gateway.limits;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.EdgeProblems;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-address limit on everything except the actuator (probes and scrapes come often and from inside). Runs before
 * authentication, so a flood of bad tokens is throttled too. The address is the peer the gateway sees: behind an
 * ingress that is the ingress unless it preserves client addresses (e.g. {@code externalTrafficPolicy: Local}).
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
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String key = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        Duration wait = buckets.tryTake(key);
        return wait.isZero() ? chain.filter(exchange) : TooManyRequests.answer(problems, exchange, wait, "address");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
