package dev.portal.gateway.auth;

import dev.portal.gateway.edge.EdgeOrder;
import dev.portal.gateway.edge.EdgeProblems;
import dev.portal.gateway.edge.PathRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Double-submit CSRF check for browser requests: an unsafe request authenticated by the access cookie must echo the
 * {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} (Spring Security's cookie convention; identity-service's
 * {@code GET /api/auth/csrf} sets the cookie). A page of another origin can make the browser send cookies but cannot
 * read them. Bearer requests are exempt (a script that has the token needs no forgery); public paths pass through
 * ({@code /api/auth/**} is guarded by identity-service itself).
 */
@Component
class CsrfProtection implements WebFilter, org.springframework.core.Ordered {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final PathRules paths;
    private final EdgeProblems problems;

    CsrfProtection(PathRules paths, EdgeProblems problems) {
        this.paths = paths;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!UNSAFE.contains(exchange.getRequest().getMethod()) || !paths.needsToken(exchange)
                || EdgeTokens.hasBearerHeader(exchange) || EdgeTokens.accessCookie(exchange) == null) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        String header = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (cookie != null && !cookie.getValue().isBlank() && header != null && MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-invalid", "CSRF token missing or wrong",
                "A cookie-authenticated " + exchange.getRequest().getMethod() + " must send the XSRF-TOKEN cookie's value in X-XSRF-TOKEN.");
    }

    @Override
    public int getOrder() {
        return EdgeOrder.CSRF;
    }
}
