package dev.portal.identity.signup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The eight-digit codes mailed during signup. Only their SHA-256, bound to what they prove (a customer number, a
 * signup), is stored; a code dies after its lifetime or {@link #MAX_FAILURES} wrong guesses, so guessing one of the
 * 10^8 values is hopeless within the per-IP and per-customer limits.
 */
final class OneTimeCodes {

    static final int MAX_FAILURES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    static String generate() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    /** The stored form of {@code code} for {@code scope}: the same code for another customer or signup does not match. */
    static byte[] hash(String scope, String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((scope + "\n" + code.trim()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String scope, String code, byte[] stored) {
        return stored != null && MessageDigest.isEqual(hash(scope, code), stored);
    }
}
