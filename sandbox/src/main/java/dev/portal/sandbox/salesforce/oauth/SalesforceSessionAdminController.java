package dev.portal.sandbox.salesforce.oauth;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Admin scenario: every Salesforce session expires now (clients must get a new token and re-handshake). */
@RestController
class SalesforceSessionAdminController {

    private final SalesforceSessions sessions;

    SalesforceSessionAdminController(SalesforceSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/sandbox/admin/salesforce/sessions/expire")
    Map<String, Integer> expireAll() {
        return Map.of("expired", sessions.expireAll());
    }
}
