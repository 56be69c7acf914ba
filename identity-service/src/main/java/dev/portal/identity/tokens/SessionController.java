package dev.portal.identity.tokens;

import dev.portal.identity.limits.ClientAddresses;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, refresh, logout and the CSRF token; public (see {@code portal.security.public-paths}). */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final Sessions sessions;
    private final TokenCookies cookies;
    private final ClientAddresses clients;
    private final Csrf csrf;

    SessionController(Sessions sessions, TokenCookies cookies, ClientAddresses clients, Csrf csrf) {
        this.csrf = csrf;
        this.sessions = sessions;
        this.cookies = cookies;
        this.clients = clients;
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "LoginRequest[" + email + ", password=(hidden)]";
        }
    }

    /** The refresh token, in the body for non-browser clients; browsers send the cookie instead. */
    record RefreshRequest(@Size(max = 100) String refreshToken) {
    }

    /**
     * The tokens in the body for a client that keeps them itself; a cookie client gets them only as HttpOnly cookies
     * (the body's tokens are null and left out), so a script running in the page can never read a refresh token.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

        static TokenResponse of(IssuedTokens tokens, boolean cookieClient) {
            return new TokenResponse(cookieClient ? null : tokens.accessToken(), "Bearer", tokens.accessTokenExpiresAt(),
                    cookieClient ? null : tokens.refreshToken(), tokens.refreshTokenExpiresAt());
        }
    }

    record CsrfResponse(String token, String headerName) {
    }

    /** Issues the CSRF token as the {@code XSRF-TOKEN} cookie and in the body; unsafe cookie-authenticated requests echo it. */
    @GetMapping("/csrf")
    ResponseEntity<CsrfResponse> csrf(HttpServletRequest http, HttpServletResponse response) {
        CsrfToken token = csrf.issue(http, response);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new CsrfResponse(token.getToken(), Csrf.HEADER));
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        IssuedTokens tokens = sessions.login(request.email(), request.password(), clients.of(http));
        return ResponseEntity.ok().headers(cookies.set(tokens)).body(TokenResponse.of(tokens, TokenCookies.isBrowser(http)));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
                                          @CookieValue(name = TokenCookies.REFRESH, required = false) String cookie,
                                          HttpServletRequest http) {
        boolean fromBody = request != null && request.refreshToken() != null;
        IssuedTokens tokens = sessions.refresh(refreshToken(request, cookie));
        boolean cookieClient = !fromBody || TokenCookies.isBrowser(http);
        return ResponseEntity.ok().headers(cookies.set(tokens)).body(TokenResponse.of(tokens, cookieClient));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) RefreshRequest request,
                                @CookieValue(name = TokenCookies.REFRESH, required = false) String cookie) {
        String token = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        if (token != null && !token.isBlank()) {
            sessions.logout(token);
        }
        return ResponseEntity.noContent().headers(cookies.clear()).build();
    }

    private static String refreshToken(RefreshRequest request, String cookie) {
        String token = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        if (token == null || token.isBlank()) {
            throw InvalidRefreshToken.missing();
        }
        return token;
    }
}
