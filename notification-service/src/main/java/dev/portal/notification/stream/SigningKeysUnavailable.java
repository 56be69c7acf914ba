package dev.portal.notification.stream;

import dev.portal.platform.errors.UpstreamFailure;

/** The identity service's signing keys (JWKS) could not be fetched, so no token can be checked: 503. */
final class SigningKeysUnavailable extends UpstreamFailure {

    SigningKeysUnavailable(Throwable cause) {
        super("identity", "jwks", "the signing keys could not be fetched", cause);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
