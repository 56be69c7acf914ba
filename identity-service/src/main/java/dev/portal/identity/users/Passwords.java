package dev.portal.identity.users;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB memory, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash. The parameters are in every hash, so raising them later only
 * affects new hashes.
 */
@Component
public class Passwords {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    /** Compared against when the email is unknown, so that such a login costs as much as a wrong password. */
    private final String dummyHash = encoder.encode("dummy password for timing equality");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one verification and answers false. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, dummyHash);
        return false;
    }
}
