package dev.portal.identity.users;

import dev.portal.identity.config.IdentityProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB memory, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash. The parameters are in every hash, so raising them later only
 * affects new hashes.
 *
 * <p>Every computation takes one of {@code portal.identity.hashing-concurrency} slots (a bulkhead): request threads
 * are virtual, and CPU-bound virtual threads without a cap would hold every carrier thread, starving the probes and
 * {@code /api/me}. A request that waits longer than {@code portal.identity.hashing-wait} for a slot is refused with
 * {@link HashingBusy}. Callers look up what they can before hashing; only login verifies a dummy hash (for an unknown
 * email), because there the timing would otherwise tell which emails have accounts.
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
    private final Semaphore slots;
    private final Duration wait;
    private final Counter refused;
    private final Counter computed;

    @Autowired
    Passwords(IdentityProperties properties, MeterRegistry meters) {
        this(properties.hashingSlots(), properties.hashingWait(), meters);
    }

    /** As many slots as processors, for benchmarks. */
    Passwords() {
        this(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(1), new SimpleMeterRegistry());
    }

    private Passwords(int slots, Duration wait, MeterRegistry meters) {
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
        this.refused = Counter.builder("portal.identity.hashing.refused")
                .description("password hash computations refused because every slot stayed taken").register(meters);
        this.computed = Counter.builder("portal.identity.hashing.computations")
                .description("Argon2 hash computations and verifications").register(meters);
        Gauge.builder("portal.identity.hashing.waiting", this.slots, Semaphore::getQueueLength)
                .description("requests waiting for a password hashing slot").register(meters);
    }

    public String hash(String password) {
        return inSlot(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return inSlot(() -> encoder.matches(password, hash));
    }

    /** Spends the time of one verification and answers false. */
    public boolean matchesNothing(String password) {
        inSlot(() -> encoder.matches(password, dummyHash));
        return false;
    }

    private <T> T inSlot(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.increment();
            throw new HashingBusy();
        }
        try {
            computed.increment();
            return work.get();
        } finally {
            slots.release();
        }
    }
}
