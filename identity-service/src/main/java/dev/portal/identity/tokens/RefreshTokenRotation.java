package dev.portal.identity.tokens;

import dev.portal.identity.config.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens (256 random bits), stored only as SHA-256. A refresh uses the presented token and issues
 * the next one of its family; presenting a used token again revokes every session of the user (the token was copied).
 */
@Component
class RefreshTokenRotation {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenRotation.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokens tokens;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final SessionRevocations revocations;
    private final Clock clock;

    RefreshTokenRotation(RefreshTokens tokens, TransactionTemplate transactions, IdentityProperties properties,
                         SessionRevocations revocations, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.revocations = revocations;
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    /** The user the token belonged to, and the next token of its family. */
    record Rotated(UUID userId, Issued next) {
    }

    /** A new family, at login. */
    Issued start(UUID userId) {
        return issue(userId, UUID.randomUUID());
    }

    /** @throws InvalidRefreshToken when the token is unknown, expired, revoked or used (a reuse revokes every session) */
    Rotated rotate(String token) {
        Instant now = clock.instant();
        byte[] hash = hash(token);
        // the outcome is decided and stored in one transaction; a reuse revokes the family and that must commit
        Optional<Rotated> rotated = transactions.execute(status -> {
            Optional<RefreshTokens.Stored> stored = tokens.findForUpdate(hash);
            if (stored.isEmpty() || stored.get().revokedAt() != null || !stored.get().expiresAt().isAfter(now)) {
                return Optional.empty();
            }
            RefreshTokens.Stored found = stored.get();
            if (found.usedAt() != null) {
                // a used token came back: it was copied, so whoever holds the family's live token may be the thief;
                // every session of the user ends, access tokens included
                log.warn("refresh token reuse for user {} (family {}): revoking every session", found.userId(), found.familyId());
                revocations.revokeAll(found.userId(), SessionRevocations.Reason.REFRESH_REUSE);
                return Optional.empty();
            }
            tokens.markUsed(found.id(), now);
            return Optional.of(new Rotated(found.userId(), issue(found.userId(), found.familyId())));
        });
        if (rotated == null || rotated.isEmpty()) {
            throw InvalidRefreshToken.unknown();
        }
        return rotated.get();
    }

    /** Ends the session the token belongs to (its whole family); unknown tokens are ignored. */
    void revoke(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> tokens.familyOf(hash(token)).ifPresent(family -> tokens.revokeFamily(family, now)));
    }

    private Issued issue(UUID userId, UUID familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        tokens.insert(UUID.randomUUID(), userId, familyId, hash(token), now, expiresAt);
        return new Issued(token, expiresAt);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
