package dev.portal.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: read from the security context of the current request, which platform-security filled from the token. */
public final class CurrentUser {

    public static final String CLAIM_EMAIL = "email";
    public static final String CLAIM_WHMCS_CLIENT_ID = "whmcs_client_id";
    public static final String CLAIM_SF_ACCOUNT_ID = "sf_account_id";

    /** The authenticated caller, or empty on a public path called without a token. */
    public Optional<PortalUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** The authenticated caller; only call it on an authenticated path. */
    public PortalUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated portal user on this request"));
    }

    public static PortalUser of(Jwt jwt) {
        Object whmcs = jwt.getClaims().get(CLAIM_WHMCS_CLIENT_ID);
        Optional<Integer> whmcsClientId = whmcs instanceof Number number ? Optional.of(number.intValue())
                : whmcs instanceof String text && !text.isBlank() ? Optional.of(Integer.valueOf(text)) : Optional.empty();
        return new PortalUser(jwt.getSubject(), jwt.getClaimAsString(CLAIM_EMAIL), whmcsClientId,
                Optional.ofNullable(jwt.getClaimAsString(CLAIM_SF_ACCOUNT_ID)).filter(id -> !id.isBlank()));
    }
}
