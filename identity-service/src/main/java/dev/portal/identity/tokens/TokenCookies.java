package dev.portal.identity.tokens;

import dev.portal.identity.config.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The token cookies for browsers: {@code HttpOnly; Secure; SameSite=Strict}. The refresh cookie is sent only to
 * {@code /api/auth}, so it never travels with ordinary API calls.
 */
@Component
public class TokenCookies {

    public static final String ACCESS = "portal_access";
    public static final String REFRESH = "portal_refresh";
    static final String REFRESH_PATH = "/api/auth";

    private final IdentityProperties properties;
    private final Clock clock;

    TokenCookies(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether the request comes from a browser: every current browser sends {@code Origin} with a POST from a script and
     * {@code Sec-Fetch-*} with every request, and a page's script can neither remove nor forge these headers. A browser
     * keeps its tokens in the HttpOnly cookies only, never in a body a script could read.
     */
    public static boolean isBrowser(HttpServletRequest request) {
        return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Mode") != null;
    }

    public HttpHeaders set(IssuedTokens tokens) {
        Instant now = clock.instant();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.SET_COOKIE, cookie(ACCESS, tokens.accessToken(), "/",
                Duration.between(now, tokens.accessTokenExpiresAt())).toString());
        headers.add(HttpHeaders.SET_COOKIE, cookie(REFRESH, tokens.refreshToken(), REFRESH_PATH,
                Duration.between(now, tokens.refreshTokenExpiresAt())).toString());
        headers.setCacheControl("no-store");
        return headers;
    }

    public HttpHeaders clear() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.SET_COOKIE, cookie(ACCESS, "", "/", Duration.ZERO).toString());
        headers.add(HttpHeaders.SET_COOKIE, cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO).toString());
        return headers;
    }

    private ResponseCookie cookie(String name, String value, String path, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(properties.cookieSecure()).sameSite("Strict")
                .path(path).maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build();
    }
}
