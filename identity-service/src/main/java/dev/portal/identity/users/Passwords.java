package dev.portal.identity.users;

import dev.portal.identity.config.IdentityProperties;
import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>Every computation takes one of {@code portal.identity.hashing-concurrency} slots (a bulkhead) and runs on a small
 * pool of platform threads of that size: request threads are virtual, and CPU-bound work on them would hold the few
 * carrier threads every other request needs (probes, {@code /api/me}); the request's virtual thread parks while the
 * hash is computed elsewhere, and the operating system shares the processors fairly. A request that waits longer than
 * {@code portal.identity.hashing-wait} for a slot is refused with {@link HashingBusy}. Callers look up what they can before hashing; only login verifies a dummy hash (for an unknown
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
    private final ExecutorService hashers;
    private final Duration wait;
    private final Counter refused;
    private final Counter computed;
    /** Whether the current thread holds a slot already ({@link #withSlot}): its hashes use that one. */
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

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
        this.hashers = Executors.newFixedThreadPool(slots, Thread.ofPlatform().name("argon2-", 1).daemon().factory());
        this.wait = wait;
        this.refused = Counter.builder("portal.identity.hashing.refused")
                .description("password hash computations refused because every slot stayed taken").register(meters);
        this.computed = Counter.builder("portal.identity.hashing.computations")
                .description("Argon2 hash computations and verifications").register(meters);
        Gauge.builder("portal.identity.hashing.waiting", this.slots, Semaphore::getQueueLength)
                .description("requests waiting for a password hashing slot").register(meters);
    }

    public String hash(String password) {
        return inSlot(() -> counted(() -> encoder.encode(password)));
    }

    public boolean matches(String password, String hash) {
        return inSlot(() -> counted(() -> encoder.matches(password, hash)));
    }

    /** Spends the time of one verification and answers false. */
    public boolean matchesNothing(String password) {
        inSlot(() -> counted(() -> encoder.matches(password, dummyHash)));
        return false;
    }

    /**
     * Runs {@code work} holding one slot throughout, its hashes included: for a request whose database work exists
     * only to decide whether to hash (a login's limit checks and lookups), so that a flood of such requests holds no
     * more database connections at once than there are slots, and the pool stays free for everything else.
     *
     * @throws HashingBusy when no slot frees up within the wait
     */
    public <T> T withSlot(Supplier<T> work) {
        return inSlot(work);
    }

    /** One Argon2 computation, on a hashing thread (the caller holds a slot, so one is free). */
    private <T> T counted(Supplier<T> hashing) {
        computed.increment();
        Future<T> result = hashers.submit(hashing::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        hashers.shutdownNow();
    }

    private <T> T inSlot(Supplier<T> work) {
        if (holding.get()) {
            return work.get();
        }
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
        holding.set(true);
        try {
            return work.get();
        } finally {
            holding.set(false);
            slots.release();
        }
    }
}
