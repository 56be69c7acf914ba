package dev.portal.identity.tokens;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection in Spring Security's cookie convention (double submit): {@code GET /api/auth/csrf} sets the
 * {@code XSRF-TOKEN} cookie (readable by the page's script, {@code SameSite=Lax}); an unsafe request that a browser
 * authenticates with a cookie (the access cookie, or the refresh cookie on refresh/logout) must send the same value
 * in {@code X-XSRF-TOKEN}, else {@code 403 csrf-invalid}. Another site can make the browser send the cookies but can
 * neither read the token nor set the header. Exempt: requests with {@code Authorization} (a page cannot make a browser
 * add it cross-site), and signup, link, login, password reset and the email-change link, which no session authenticates.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class Csrf extends OncePerRequestFilter {

    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> UNAUTHENTICATED = Set.of("/api/auth/signup", "/api/auth/signup/ownership-code",
            "/api/auth/signup/confirm", "/api/auth/link", "/api/auth/login", "/api/auth/password-reset/request",
            "/api/auth/password-reset/confirm", "/api/auth/email-change/confirm");
    private static final Set<String> REFRESH_COOKIE_PATHS = Set.of("/api/auth/refresh", "/api/auth/logout");

    private final CookieCsrfTokenRepository tokens;
    private final Problems problems;

    Csrf(IdentityProperties properties, Problems problems) {
        this.problems = problems;
        this.tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        this.tokens.setHeaderName(HEADER);
        this.tokens.setCookiePath("/");
        this.tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(properties.cookieSecure()));
    }

    static boolean isAuthPath(HttpServletRequest request) {
        return path(request).startsWith("/api/auth/");
    }

    /** A new token, set as the cookie on {@code response}. */
    CsrfToken issue(HttpServletRequest request, HttpServletResponse response) {
        CsrfToken token = tokens.generateToken(request);
        tokens.saveToken(token, request, response);
        return token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsToken(request) && !valid(request)) {
            ProblemResponses.write(response, problems.create(HttpStatus.FORBIDDEN, "csrf-invalid", "CSRF token missing or wrong",
                    "Send the XSRF-TOKEN cookie's value in the " + HEADER + " header (GET /api/auth/csrf issues one)."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean needsToken(HttpServletRequest request) {
        String path = path(request);
        if (SAFE.contains(request.getMethod()) || UNAUTHENTICATED.contains(path)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        if (REFRESH_COOKIE_PATHS.contains(path)) {
            return CookieBearerTokens.cookie(request, TokenCookies.REFRESH) != null;
        }
        return CookieBearerTokens.accessCookie(request) != null;
    }

    private boolean valid(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        String sent = request.getHeader(HEADER);
        return expected != null && sent != null && !sent.isBlank()
                && MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
