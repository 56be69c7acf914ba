package dev.portal.identity.reset;

import dev.portal.identity.limits.ClientAddresses;
import dev.portal.identity.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Password reset by mailed link; public. */
@RestController
@RequestMapping("/api/auth/password-reset")
class PasswordResetController {

    private final PasswordResets resets;
    private final RateLimits limits;
    private final ClientAddresses clients;

    PasswordResetController(PasswordResets resets, RateLimits limits, ClientAddresses clients) {
        this.resets = resets;
        this.limits = limits;
        this.clients = clients;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 100) String token,
                             @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password) {

        @Override
        public String toString() {
            return "ResetConfirmation[(hidden)]";
        }
    }

    /** The same for every email, known or not. */
    record Accepted(String status, String message) {
    }

    private static final Accepted ACCEPTED = new Accepted("accepted",
            "If an account has this email, a link to reset its password is on its way.");

    @PostMapping("/request")
    ResponseEntity<Accepted> request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        limits.acquire(limits.passwordResetPerIp, clients.of(http));
        resets.request(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
    }

    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody ResetConfirmation confirmation, HttpServletRequest http) {
        limits.acquire(limits.passwordResetConfirmPerIp, clients.of(http));
        resets.confirm(confirmation.token(), confirmation.password());
        return ResponseEntity.noContent().build();
    }
}
