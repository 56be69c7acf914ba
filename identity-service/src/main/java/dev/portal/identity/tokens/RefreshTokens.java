package dev.portal.identity.tokens;

import dev.portal.identity.IdentityProperties;
import dev.portal.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens (256 random bits), stored only as SHA-256. A refresh uses the presented token and issues
 * the next one of its family; presenting a used token again revokes every session of the user (the token was copied).
 */
@Component
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    public RefreshTokens(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties,
                         SessionRevocations revocations) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.revocations = revocations;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** The user the token belonged to, and the next token of its family. */
    public record Rotated(UUID userId, Issued next) {
    }

    /** A new family, at login. */
    public Issued start(UUID userId) {
        return insert(userId, UUID.randomUUID());
    }

    public Rotated rotate(String token) {
        Instant now = clock.instant();
        byte[] hash = hash(token);
        record Row(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
        }
        // the outcome is decided and stored in one transaction; a reuse revokes the family and that must commit
        Object outcome = transactions.execute(status -> {
            Optional<Row> row = jdbc.sql("select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_tokens"
                            + " where token_hash = ? for update")
                    .param(hash)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                    .optional();
            if (row.isEmpty() || row.get().revokedAt() != null || !row.get().expiresAt().isAfter(now)) {
                return "invalid";
            }
            if (row.get().usedAt() != null) {
                // a used token came back: it was copied, so whoever holds the family's live token may be the thief;
                // every session of the user ends, access tokens included
                log.warn("refresh token reuse for user {} (family {}): revoking every session", row.get().userId(),
                        row.get().familyId());
                revocations.revokeAll(row.get().userId(), SessionRevocations.Reason.REFRESH_REUSE);
                return "reused";
            }
            jdbc.sql("update refresh_tokens set used_at = ? where id = ?").params(Timestamp.from(now), row.get().id()).update();
            return new Rotated(row.get().userId(), insert(row.get().userId(), row.get().familyId()));
        });
        if (outcome instanceof Rotated rotated) {
            return rotated;
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired or revoked. Log in again.");
    }

    /** Ends the session the token belongs to (its whole family); unknown tokens are ignored. */
    public void revoke(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> jdbc.sql("select family_id from refresh_tokens where token_hash = ?")
                .param(hash(token)).query(UUID.class).optional().ifPresent(family -> revokeFamily(family, now)));
    }

    private int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(now), familyId).update();
    }

    private Issued insert(UUID userId, UUID familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        jdbc.sql("insert into refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, familyId, hash(token), Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
