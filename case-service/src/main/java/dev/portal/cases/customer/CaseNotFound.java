package dev.portal.cases.customer;

import dev.portal.platform.errors.NotFound;

/** No such case for this customer: unknown, malformed or another customer's id all look the same. */
class CaseNotFound extends NotFound {

    CaseNotFound() {
        super("case-not-found", "Case not found", "There is no such case on your account.");
    }
}
