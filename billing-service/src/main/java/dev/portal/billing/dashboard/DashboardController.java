package dev.portal.billing.dashboard;

import dev.portal.billing.customer.CallingCustomer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard}: the caller's summary. Always 200 for a linked caller; a section whose source failed or
 * was late says so ({@code "available": false}).
 */
@RestController
class DashboardController {

    private final DashboardAssembly dashboard;
    private final CallingCustomer caller;

    DashboardController(DashboardAssembly dashboard, CallingCustomer caller) {
        this.dashboard = dashboard;
        this.caller = caller;
    }

    @GetMapping("/api/dashboard")
    DashboardView dashboard(@AuthenticationPrincipal Jwt token) {
        return dashboard.assemble(caller.get(), token.getTokenValue());
    }
}
