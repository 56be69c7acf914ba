package dev.portal.identity.web;

import dev.portal.identity.limits.ClientAddresses;
import dev.portal.identity.limits.RateLimits;
import dev.portal.identity.signup.LinkRequest;
import dev.portal.identity.signup.SignupRequest;
import dev.portal.identity.signup.SignupResult;
import dev.portal.identity.signup.SignupService;
import dev.portal.identity.tokens.IssuedTokens;
import dev.portal.identity.tokens.Sessions;
import dev.portal.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signup and sessions; public (see {@code portal.security.public-paths}). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SignupService signups;
    private final Sessions sessions;
    private final TokenCookies cookies;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final Csrf csrf;

    AuthController(SignupService signups, Sessions sessions, TokenCookies cookies, RateLimits limits, ClientAddresses clients,
                   Csrf csrf) {
        this.csrf = csrf;
        this.signups = signups;
        this.sessions = sessions;
        this.cookies = cookies;
        this.limits = limits;
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

    record TokenResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

        static TokenResponse of(IssuedTokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessTokenExpiresAt(), tokens.refreshToken(),
                    tokens.refreshTokenExpiresAt());
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

    @PostMapping("/signup")
    ResponseEntity<SignupResult> signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {
        limits.acquire(limits.signupPerIp, clients.of(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(signups.signup(request));
    }

    @PostMapping("/link")
    ResponseEntity<SignupResult> link(@Valid @RequestBody LinkRequest request, HttpServletRequest http) {
        limits.acquire(limits.linkPerIp, clients.of(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(signups.link(request));
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        IssuedTokens tokens = sessions.login(request.email(), request.password(), clients.of(http));
        return ResponseEntity.ok().headers(cookies.set(tokens)).body(TokenResponse.of(tokens));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
                                          @CookieValue(name = TokenCookies.REFRESH, required = false) String cookie) {
        IssuedTokens tokens = sessions.refresh(refreshToken(request, cookie));
        return ResponseEntity.ok().headers(cookies.set(tokens)).body(TokenResponse.of(tokens));
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
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                    "No refresh token was sent.");
        }
        return token;
    }
}
