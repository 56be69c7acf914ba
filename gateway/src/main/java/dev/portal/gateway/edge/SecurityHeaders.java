package dev.portal.gateway.edge;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Browser hardening on every answer, set when the response commits so that they win over whatever a service sent:
 * the API never renders in a frame, never has its types sniffed, never leaks the page in a referrer, and (API
 * answers being data, not pages) loads nothing. HSTS is sent even over plain HTTP behind the TLS-terminating
 * ingress; browsers ignore it on plain HTTP. The one page the gateway serves itself, the Swagger UI over the merged
 * API document, may load its own scripts, styles and images (same origin only).
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // Swagger UI sets styles from script and shows its icons as data: images
    static final String SWAGGER_UI_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'";
    private static final List<PathPattern> SWAGGER_UI = Stream.of("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**")
            .map(PathPatternParser.defaultInstance::parse).toList();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", swaggerUi(exchange) ? SWAGGER_UI_POLICY : API_POLICY);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean swaggerUi(ServerWebExchange exchange) {
        return SWAGGER_UI.stream().anyMatch(pattern -> pattern.matches(exchange.getRequest().getPath().pathWithinApplication()));
    }

    @Override
    public int getOrder() {
        return EdgeOrder.SECURITY_HEADERS;
    }
}
