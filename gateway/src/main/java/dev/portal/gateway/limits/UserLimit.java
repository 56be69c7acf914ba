package dev.portal.gateway.limits;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.EdgeProblems;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Per-user limit on routed, authenticated requests, keyed by the token's subject (whatever address it comes from). */
class UserLimit implements GlobalFilter, Ordered {

    private final RequestBuckets buckets;
    private final EdgeProblems problems;

    UserLimit(GatewayProperties.Limits limits, EdgeProblems problems) {
        this.buckets = new RequestBuckets(limits.perUser(), limits.maxTrackedKeys());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> buckets.tryTake(principal.getName()))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange)
                        : TooManyRequests.answer(problems, exchange, wait, "user"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}
