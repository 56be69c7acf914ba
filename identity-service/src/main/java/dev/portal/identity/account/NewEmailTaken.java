package dev.portal.identity.account;

import dev.portal.platform.errors.Conflict;

/** The new email is another portal user's ({@code email-taken}), or another WHMCS client's ({@code whmcs-email-taken}). */
class NewEmailTaken extends Conflict {

    private NewEmailTaken(String code, String detail) {
        super(code, "Email taken", detail);
    }

    static NewEmailTaken byPortalUser() {
        return new NewEmailTaken("email-taken", "Another portal account has this email.");
    }

    static NewEmailTaken byWhmcsClient() {
        return new NewEmailTaken("whmcs-email-taken", "Another customer account has this email.");
    }
}
