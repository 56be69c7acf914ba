package dev.portal.notification.stream;

import dev.portal.platform.errors.NotAuthenticated;

/** No bearer access token, or one that is not valid (signature, issuer, audience, expiry): 401, never a stream. */
final class AccessTokenRequired extends NotAuthenticated {

    AccessTokenRequired() {
        super("unauthenticated", "Unauthenticated", "A valid access token is required.");
    }
}
