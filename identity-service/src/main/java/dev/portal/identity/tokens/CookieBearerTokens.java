package dev.portal.identity.tokens;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Where this service finds the access token: the {@code Authorization: Bearer} header, else the browser's
 * {@code portal_access} cookie (platform-security picks this bean up). The cookie is ignored under {@code /api/auth/}:
 * a stale or revoked cookie must not stand in the way of logging in, refreshing or resetting a password.
 */
@Component
class CookieBearerTokens implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null || Csrf.isAuthPath(request)) {
            return fromHeader;
        }
        return accessCookie(request);
    }

    static String accessCookie(HttpServletRequest request) {
        return cookie(request, TokenCookies.ACCESS);
    }

    static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
