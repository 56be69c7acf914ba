package dev.portal.gateway.auth;

import dev.portal.gateway.edge.PathRules;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the access token of a request: {@code Authorization: Bearer} first, else the {@code portal_access} cookie
 * identity-service sets for browsers. Public paths are never looked at: what arrives there goes to the service as
 * it came, and a stale cookie cannot make a login fail.
 */
public final class EdgeTokens implements ServerAuthenticationConverter {

    /** identity-service's access-token cookie (its TokenCookies.ACCESS). */
    public static final String ACCESS_COOKIE = "portal_access";

    private static final String BEARER = "bearer ";

    private final PathRules paths;

    public EdgeTokens(PathRules paths) {
        this.paths = paths;
    }

    /** True when the request carries {@code Authorization: Bearer ...}: such a request is not exposed to CSRF. */
    public static boolean hasBearerHeader(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    public static String accessCookie(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(ACCESS_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        if (!paths.needsToken(exchange)) {
            return Mono.empty();
        }
        if (hasBearerHeader(exchange)) {
            String token = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
            if (token.isEmpty()) {
                return Mono.error(new InvalidBearerTokenException("empty bearer token"));
            }
            return Mono.just(new BearerTokenAuthenticationToken(token));
        }
        String cookie = accessCookie(exchange);
        return cookie == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(cookie));
    }
}
