package dev.portal.notification.stream;

import dev.portal.notification.feed.UserId;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller of a stream, from its {@code Authorization: Bearer} access token (browsers send the session cookie; the
 * gateway relays it as a bearer token). Spring Security's own bearer-token converter and the service's JWT decoder
 * (platform-security's rules: RS256/ES256 only, issuer, audience, expiry with skew), called by the stream's handler
 * rather than through Spring Security's web filter chain: that chain's operators stay in memory for as long as a
 * request lasts, about 16 KiB for every open stream (measured, docs/decisions/0030-notifications-sse.md).
 */
final class BearerTokens {

    private final ServerBearerTokenAuthenticationConverter converter = new ServerBearerTokenAuthenticationConverter();
    private final ReactiveJwtDecoder decoder;

    BearerTokens(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** Who is calling, and until when their token is valid. */
    record Caller(UserId user, Instant tokenExpiresAt) {
    }

    /**
     * The caller of a validated token. Only the caller is kept: the token, its claims and the operators that checked
     * them are not referenced by the stream, which lasts far longer than the check (a few KiB for every open stream).
     *
     * @return a {@link Mono} failing with {@link AccessTokenRequired} (401, {@code WWW-Authenticate: Bearer} set)
     *         without a valid token, with {@link SigningKeysUnavailable} (503) when the keys cannot be fetched
     */
    Mono<Caller> verify(ServerWebExchange exchange) {
        return Mono.fromFuture(validated(exchange).map(token -> new Caller(UserId.of(token.getSubject()), token.getExpiresAt()))
                .toFuture());
    }

    private Mono<Jwt> validated(ServerWebExchange exchange) {
        return converter.convert(exchange)
                .cast(BearerTokenAuthenticationToken.class)
                .switchIfEmpty(Mono.error(AccessTokenRequired::new))
                .flatMap(token -> decoder.decode(token.getToken()))
                .onErrorMap(failure -> failure instanceof OAuth2AuthenticationException || failure instanceof BadJwtException,
                        failure -> new AccessTokenRequired())
                .onErrorMap(failure -> failure instanceof JwtException && !(failure instanceof BadJwtException),
                        SigningKeysUnavailable::new)
                .doOnError(AccessTokenRequired.class,
                        refused -> exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer"));
    }
}
