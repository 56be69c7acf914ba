package dev.portal.gateway.auth;

import dev.portal.gateway.edge.EdgeProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A 401 problem naming what was wrong in terms a client can act on: {@code unauthenticated} (no token: log in),
 * {@code token-expired} (refresh), {@code token-revoked} (log in again), {@code token-invalid} (anything else:
 * bad signature, unknown key, {@code alg: none}, tampered, wrong issuer or audience). Finer reasons stay in
 * the debug log.
 */
final class TokenRejections implements ServerAuthenticationEntryPoint {

    static final String EXPIRED = "token-expired";
    static final String REVOKED = "token-revoked";

    private static final Logger log = LoggerFactory.getLogger(TokenRejections.class);

    private final EdgeProblems problems;

    TokenRejections(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        if (failure instanceof AuthenticationCredentialsNotFoundException) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "A valid access token is required.");
        }
        String code = codeOf(failure);
        log.debug("token rejected ({}) on {}: {}", code, exchange.getRequest().getPath(), failure.getMessage());
        return switch (code) {
            case EXPIRED -> problems.write(exchange, HttpStatus.UNAUTHORIZED, EXPIRED, "Token expired",
                    "The access token has expired; refresh it.");
            case REVOKED -> problems.write(exchange, HttpStatus.UNAUTHORIZED, REVOKED, "Token revoked",
                    "The session of this access token has ended; log in again.");
            default -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "token-invalid", "Token invalid",
                    "The access token is not valid.");
        };
    }

    private static String codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (REVOKED.equals(error.getErrorCode())) {
                        return REVOKED;
                    }
                }
                for (OAuth2Error error : invalid.getErrors()) {
                    if (EXPIRED.equals(error.getErrorCode())) {
                        return EXPIRED;
                    }
                }
            }
        }
        return "token-invalid";
    }
}
