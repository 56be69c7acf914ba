package dev.portal.sandbox.salesforce.oauth;

import dev.portal.sandbox.salesforce.SalesforceIds;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the simulated org has issued. The REST simulator answers {@code 401 INVALID_SESSION_ID} and the
 * streaming simulator {@code 401::Authentication invalid} for any token this does not accept.
 */
@Component
public class SalesforceSessions {

    /** The org and user every sandbox session belongs to. */
    public static final String ORG_ID = SalesforceIds.to18("00DSb0000000001");
    public static final String USER_ID = SalesforceIds.to18("005Sb0000000001");

    /** A live session. */
    public record Session(String accessToken, String clientId, String username, String userId, Instant issuedAt, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SalesforceSessions(Clock clock) {
        this.clock = clock;
    }

    Session issue(String clientId, String username, Duration lifetime) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        // real tokens look like "<orgId15>!<opaque>"
        String token = ORG_ID.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(token, clientId, username, USER_ID, now, now.plus(lifetime));
        sessions.put(token, session);
        return session;
    }

    /** The live session of an {@code Authorization} header value ({@code Bearer <token>} or the raw token). */
    public Optional<Session> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
                : authorization.regionMatches(true, 0, "OAuth ", 0, 6) ? authorization.substring(6).strip() : authorization.strip();
        Session session = sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(token, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends every session, as an admin revoking them or a password change would. Returns how many ended. */
    public int expireAll() {
        int count = sessions.size();
        sessions.clear();
        return count;
    }

    /** Ends one session; false when it was not live. */
    public boolean expire(String token) {
        return sessions.remove(token) != null;
    }
}
