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
    private final RateLimits limits;
    private final ClientAddresses clients;

    SignupController(Signups signups, RateLimits limits, ClientAddresses clients) {
        this.signups = signups;
        this.limits = limits;
        this.clients = clients;
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
}
