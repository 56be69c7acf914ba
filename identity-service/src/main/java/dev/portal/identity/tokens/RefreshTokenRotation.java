package dev.portal.identity.tokens;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.identity.users.Users;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens (256 random bits), stored only as SHA-256. A refresh uses the presented token and issues
 * the next one of its family; presenting a used token again revokes every session of the user (the token was copied),
 * except within {@code portal.identity.refresh-reuse-grace} of its use while its successor is still unused: that is
 * two tabs refreshing at once, and the later one gets the same successor. The successor is kept sealed (AES-GCM) under
 * a key derived from the used token, so only a holder of that token can open it, and only during the grace.
 *
 * <p>Each token carries the user's session version from its login. A rotation locks the user's row before the
 * token's, the order a revocation takes them in, and refuses a token older than the current version: a rotation and a
 * password reset that race either see each other's result or wait for it, never both slip through.
 */
@Component
class RefreshTokenRotation {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenRotation.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final RefreshTokens tokens;
    private final Users users;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final SessionRevocations revocations;
    private final Clock clock;

    RefreshTokenRotation(RefreshTokens tokens, Users users, TransactionTemplate transactions, IdentityProperties properties,
                         SessionRevocations revocations, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.transactions = transactions;
        this.properties = properties;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** A token handed out, with the family it belongs to. */
    record Issued(String token, Instant expiresAt, UUID familyId) {
    }

    /** The user the token belonged to, the session version read under the user's lock, and the family's next token. */
    record Rotated(UUID userId, int sessionVersion, Issued next) {
    }

    /** A new family, at login, for the session version the login read. */
    Issued start(UUID userId, int sessionVersion) {
        return transactions.execute(status -> issue(userId, UUID.randomUUID(), sessionVersion).issued());
    }

    /** @throws InvalidRefreshToken when the token is unknown, expired, revoked or used (a reuse revokes every session) */
    Rotated rotate(String token) {
        Instant now = clock.instant();
        byte[] hash = hash(token);
        UUID owner = tokens.find(hash).map(RefreshTokens.Stored::userId).orElseThrow(InvalidRefreshToken::unknown);
        // the outcome is decided and stored in one transaction; a reuse revokes every session and that must commit
        Optional<Rotated> rotated = transactions.execute(status -> {
            Optional<Integer> version = users.lockSessionVersion(owner);
            Optional<RefreshTokens.Stored> stored = tokens.findForUpdate(hash);
            if (version.isEmpty() || stored.isEmpty()) {
                return Optional.empty();
            }
            RefreshTokens.Stored found = stored.get();
            if (found.revokedAt() != null || !found.expiresAt().isAfter(now) || found.sessionVersion() < version.get()) {
                return Optional.empty();
            }
            if (found.usedAt() != null) {
                Optional<Issued> sameSuccessor = successorWithinGrace(found, token, now);
                if (sameSuccessor.isPresent()) {
                    log.info("refresh token of user {} presented again within the grace: same successor (family {})",
                            found.userId(), found.familyId());
                    return Optional.of(new Rotated(found.userId(), version.get(), sameSuccessor.get()));
                }
                // a used token came back: it was copied, so whoever holds the family's live token may be the thief;
                // every session of the user ends, access tokens included
                log.warn("refresh token reuse for user {} (family {}): revoking every session", found.userId(), found.familyId());
                revocations.revokeAll(found.userId(), SessionRevocations.Reason.REFRESH_REUSE);
                return Optional.empty();
            }
            NewToken next = issue(found.userId(), found.familyId(), version.get());
            tokens.markUsed(found.id(), now, next.id(), seal(token, next.issued().token()));
            return Optional.of(new Rotated(found.userId(), version.get(), next.issued()));
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

    /** Sealed successors past their grace can never be opened again: they go, with tokens expired for a day. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void purge() {
        Instant now = clock.instant();
        tokens.purge(now.minus(properties.refreshReuseGrace()), now.minus(Duration.ofDays(1)));
    }

    private Optional<Issued> successorWithinGrace(RefreshTokens.Stored used, String token, Instant now) {
        if (used.successorId() == null || used.successorSealed() == null
                || now.isAfter(used.usedAt().plus(properties.refreshReuseGrace()))) {
            return Optional.empty();
        }
        return tokens.findById(used.successorId()).filter(successor -> successor.live(now))
                .map(successor -> new Issued(unseal(token, used.successorSealed()), successor.expiresAt(), successor.familyId()));
    }

    private record NewToken(UUID id, Issued issued) {
    }

    private NewToken issue(UUID userId, UUID familyId, int sessionVersion) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        UUID id = UUID.randomUUID();
        tokens.insert(id, userId, familyId, hash(token), now, expiresAt, sessionVersion);
        return new NewToken(id, new Issued(token, expiresAt, familyId));
    }

    static byte[] hash(String token) {
        return sha256("", token);
    }

    /** AES-GCM under SHA-256 of a label and the used token: another hash than the stored one, so the table cannot open it. */
    static byte[] seal(String usedToken, String successor) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(usedToken), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a refresh token", e);
        }
    }

    static String unseal(String usedToken, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(usedToken), new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(Arrays.copyOfRange(sealed, IV_BYTES, sealed.length)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not open a sealed refresh token", e);
        }
    }

    private static SecretKeySpec sealingKey(String usedToken) {
        return new SecretKeySpec(sha256("portal refresh successor\n", usedToken), "AES");
    }

    private static byte[] sha256(String label, String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((label + token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
