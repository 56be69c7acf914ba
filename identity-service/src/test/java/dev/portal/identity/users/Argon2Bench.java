package dev.portal.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with {@code -Pbench}): the time of one Argon2id hash and one verification with the
 * service's parameters, on one thread, and the logins per second per core that implies (a login costs one
 * verification). Writes {@code target/bench/argon2id.txt}.
 */
class Argon2Bench {

    @Test
    void argon2id_hash_and_verify_time() throws IOException {
        int samples = Integer.getInteger("bench.samples", 50);
        Passwords passwords = new Passwords();
        String hash = null;
        for (int i = 0; i < 5; i++) { // warm-up: JIT and the first 19 MiB allocations
            hash = passwords.hash("warm-up password " + i);
            passwords.matches("warm-up password " + i, hash);
        }
        List<Double> hashMs = new ArrayList<>();
        List<Double> verifyMs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String password = "benchmark password " + i;
            long start = System.nanoTime();
            hash = passwords.hash(password);
            hashMs.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            boolean ok = passwords.matches(password, hash);
            verifyMs.add((System.nanoTime() - start) / 1e6);
            assertThat(ok).isTrue();
        }
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        Collections.sort(hashMs);
        Collections.sort(verifyMs);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = String.format(Locale.ROOT,
                "argon2id m=19456 KiB t=2 p=1, %d samples, %s, JDK %s, %d CPUs, load average at end %.1f%n"
                        + "hash   ms: p50 %.1f  p90 %.1f  p99 %.1f  min %.1f  max %.1f%n"
                        + "verify ms: p50 %.1f  p90 %.1f  p99 %.1f  min %.1f  max %.1f%n"
                        + "logins/s per core (1000 / verify p50): %.1f%n",
                samples, LocalDate.now(), Runtime.version(), Runtime.getRuntime().availableProcessors(), load,
                pct(hashMs, 50), pct(hashMs, 90), pct(hashMs, 99), hashMs.getFirst(), hashMs.getLast(),
                pct(verifyMs, 50), pct(verifyMs, 90), pct(verifyMs, 99), verifyMs.getFirst(), verifyMs.getLast(),
                1000 / pct(verifyMs, 50));
        System.out.print(report);
        Path out = Path.of("target", "bench", "argon2id.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Nearest-rank percentile of a sorted list. */
    private static double pct(List<Double> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
