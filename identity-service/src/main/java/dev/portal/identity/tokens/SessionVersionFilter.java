package dev.portal.identity.tokens;

import dev.portal.identity.users.Users;
import dev.portal.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After Spring Security has accepted an access token: rejects it when its {@code sv} claim is below the user's
 * current session version ({@code 401 token-revoked}), so "log out everywhere" and a password reset end the access
 * tokens already issued, not only the refresh tokens. Runs after the security filter chain (lowest precedence).
 * Tokens issued before the claim existed count as version 0.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class SessionVersionFilter extends OncePerRequestFilter {

    private final Users users;
    private final Problems problems;

    SessionVersionFilter(Users users, Problems problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // the auth endpoints are public: a revoked token sent along must not block logging in again
        if (authentication instanceof JwtAuthenticationToken token && !Csrf.isAuthPath(request)) {
            Object claim = token.getToken().getClaims().get(AccessTokens.CLAIM_SESSION_VERSION);
            int tokenVersion = claim instanceof Number number ? number.intValue() : 0;
            Optional<Integer> current = users.sessionVersion(UUID.fromString(token.getToken().getSubject()));
            if (current.isEmpty() || tokenVersion < current.get()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                ProblemResponses.write(response, problems.create(HttpStatus.UNAUTHORIZED, "token-revoked", "Token revoked",
                        "This session has ended (logged out everywhere or password changed). Log in again."));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
