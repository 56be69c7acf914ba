package dev.portal.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser hardening on every answer, set when the response commits so that they win over whatever a service sent:
 * the API never renders in a frame, never has its types sniffed, never leaks the page in a referrer, and (API
 * answers being data, not pages) loads nothing. HSTS is sent even over plain HTTP behind the TLS-terminating
 * ingress; browsers ignore it on plain HTTP.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return EdgeOrder.SECURITY_HEADERS;
    }
}
