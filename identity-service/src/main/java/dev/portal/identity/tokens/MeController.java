package dev.portal.identity.tokens;

import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.security.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account. */
@RestController
class MeController {

    private final Users users;
    private final CurrentUser currentUser;
    private final SessionRevocations revocations;
    private final TokenCookies cookies;

    MeController(Users users, CurrentUser currentUser, SessionRevocations revocations, TokenCookies cookies) {
        this.users = users;
        this.currentUser = currentUser;
        this.revocations = revocations;
        this.cookies = cookies;
    }

    /** @param linked whether the account has its WHMCS client and Salesforce Account */
    record Me(UUID id, String email, String firstName, String lastName, boolean linked, Integer whmcsClientId, String sfAccountId) {
    }

    @GetMapping("/api/me")
    Me me() {
        UUID id = UUID.fromString(currentUser.get().id());
        User user = users.find(id).orElseThrow(AccountGone::new);
        Optional<IdMapping> mapping = users.mapping(id);
        return new Me(user.id(), user.email(), user.firstName(), user.lastName(), mapping.isPresent(),
                mapping.map(IdMapping::whmcsClientId).orElse(null), mapping.map(IdMapping::sfAccountId).orElse(null));
    }

    /** "Log out everywhere": every refresh token and every access token issued so far stop working. */
    @PostMapping("/api/me/sessions/revoke")
    ResponseEntity<Void> revokeSessions() {
        revocations.revokeAll(UUID.fromString(currentUser.get().id()), SessionRevocations.Reason.USER_REQUEST);
        return ResponseEntity.noContent().headers(cookies.clear()).build();
    }
}
