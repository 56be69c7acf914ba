package dev.portal.identity.signup;

import dev.portal.identity.limits.ClientAddresses;
import dev.portal.identity.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signup and account linking; public (see {@code portal.security.public-paths}), limited per client IP. */
@RestController
@RequestMapping("/api/auth")
class SignupController {

    private final Signups signups;
    private final OwnershipProofs ownership;
    private final RateLimits limits;
    private final ClientAddresses clients;

    SignupController(Signups signups, OwnershipProofs ownership, RateLimits limits, ClientAddresses clients) {
        this.signups = signups;
        this.ownership = ownership;
        this.limits = limits;
        this.clients = clients;
    }

    /** A step of the signup that is not finished: what was mailed, and what to send next. */
    record Pending(String status, String message) {
    }

    private static final Pending CODE_REQUESTED = new Pending("accepted",
            "If this customer number can sign up and has a contact email on file, a code is on its way to that address.");
    private static final Pending EMAIL_CODE_SENT = new Pending("email-confirmation-required",
            "A code is on its way to the signup email. Send it to /api/auth/signup/confirm to create the account.");

    /** The same answer for every customer number, known or not. */
    @PostMapping("/signup/ownership-code")
    ResponseEntity<Pending> ownershipCode(@Valid @RequestBody OwnershipCodeRequest request, HttpServletRequest http) {
        limits.acquire(limits.signupCodePerIp, clients.of(http));
        limits.acquire(limits.signupCodePerCustomer, OwnershipProofs.normalize(request.customerNumber()));
        ownership.requestCode(request.customerNumber());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(CODE_REQUESTED);
    }

    /** {@code 201} with the account, or {@code 202} when the signup email must be confirmed first. */
    @PostMapping("/signup")
    ResponseEntity<Object> signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {
        limits.acquire(limits.signupPerIp, clients.of(http));
        return signups.signup(request).<ResponseEntity<Object>>map(created -> ResponseEntity.status(HttpStatus.CREATED).body(created))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(EMAIL_CODE_SENT));
    }

    @PostMapping("/signup/confirm")
    ResponseEntity<SignupResult> confirm(@Valid @RequestBody SignupConfirmation confirmation, HttpServletRequest http) {
        limits.acquire(limits.signupConfirmPerIp, clients.of(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(signups.confirm(confirmation));
    }

    @PostMapping("/link")
    ResponseEntity<SignupResult> link(@Valid @RequestBody LinkRequest request, HttpServletRequest http) {
        limits.acquire(limits.linkPerIp, clients.of(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(signups.link(request));
    }
}
