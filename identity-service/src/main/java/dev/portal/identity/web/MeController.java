package dev.portal.identity.web;

import dev.portal.identity.users.IdMapping;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import dev.portal.platform.security.CurrentUser;
import dev.portal.platform.web.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account. */
@RestController
class MeController {

    private final Users users;
    private final CurrentUser currentUser;

    MeController(Users users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    /** @param linked whether the account has its WHMCS client and Salesforce Account */
    record Me(UUID id, String email, String firstName, String lastName, boolean linked, Integer whmcsClientId, String sfAccountId) {
    }

    @GetMapping("/api/me")
    Me me() {
        UUID id = UUID.fromString(currentUser.get().id());
        User user = users.find(id).orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", "The account of this token no longer exists."));
        Optional<IdMapping> mapping = users.mapping(id);
        return new Me(user.id(), user.email(), user.firstName(), user.lastName(), mapping.isPresent(),
                mapping.map(IdMapping::whmcsClientId).orElse(null), mapping.map(IdMapping::sfAccountId).orElse(null));
    }
}
