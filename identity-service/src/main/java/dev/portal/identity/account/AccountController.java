package dev.portal.identity.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.identity.tokens.IssuedTokens;
import dev.portal.identity.tokens.TokenCookies;
import dev.portal.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller changes its password or its email; confirming an email change by the mailed link is public. */
@RestController
class AccountController {

    private final PasswordChanges passwordChanges;
    private final EmailChanges emailChanges;
    private final CurrentUser currentUser;
    private final TokenCookies cookies;

    AccountController(PasswordChanges passwordChanges, EmailChanges emailChanges, CurrentUser currentUser, TokenCookies cookies) {
        this.passwordChanges = passwordChanges;
        this.emailChanges = emailChanges;
        this.currentUser = currentUser;
        this.cookies = cookies;
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[(hidden)]";
        }
    }

    record EmailChange(@NotBlank @Email @Size(max = 254) String newEmail, @NotBlank @Size(max = 128) String currentPassword) {

        @Override
        public String toString() {
            return "EmailChange[" + newEmail + ", password=(hidden)]";
        }
    }

    record EmailChangeConfirmation(@NotBlank @Size(max = 100) String token) {
    }

    record Accepted(String status, String message) {
    }

    /** The caller's new session, as login answers it: in the body only for a client that is not a browser. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewSession(String accessToken, String tokenType, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
    }

    /** {@code 200} with a new session for the caller; every other session of the user has ended. */
    @PostMapping("/api/me/password")
    ResponseEntity<NewSession> changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest http) {
        IssuedTokens tokens = passwordChanges.change(caller(), change.currentPassword(), change.newPassword());
        boolean browser = TokenCookies.isBrowser(http);
        return ResponseEntity.ok().headers(cookies.set(tokens)).body(new NewSession(browser ? null : tokens.accessToken(), "Bearer",
                tokens.accessTokenExpiresAt(), browser ? null : tokens.refreshToken(), tokens.refreshTokenExpiresAt()));
    }

    /** {@code 202}: the link is on its way to the new address. */
    @PostMapping("/api/me/email")
    ResponseEntity<Accepted> changeEmail(@Valid @RequestBody EmailChange change) {
        emailChanges.request(caller(), change.newEmail(), change.currentPassword());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("accepted",
                "A link to confirm the change is on its way to the new address. Your email changes when it is opened."));
    }

    @PostMapping("/api/auth/email-change/confirm")
    ResponseEntity<Void> confirmEmailChange(@Valid @RequestBody EmailChangeConfirmation confirmation) {
        emailChanges.confirm(confirmation.token());
        return ResponseEntity.noContent().build();
    }

    private UUID caller() {
        return UUID.fromString(currentUser.get().id());
    }
}
