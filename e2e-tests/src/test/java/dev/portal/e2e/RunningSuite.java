package dev.portal.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite as {@code ./portal up} runs it, started from this build's jars on ports shifted by an offset (so a
 * developer's own running suite is not disturbed), in a process group of its own so that a test can press
 * Ctrl-C on it.
 */
public final class RunningSuite implements AutoCloseable {

    /** 20,000 unless {@code PORTAL_E2E_PORT_OFFSET} says otherwise (two checkouts testing side by side). */
    public static final int PORT_OFFSET = Integer.parseInt(System.getenv().getOrDefault("PORTAL_E2E_PORT_OFFSET", "20000"));
    private static final Pattern TABLE_ROW = Pattern.compile("^(\\S+)\\s+\\S+\\s+(\\d+)\\s+(up|ready)\\s.*");

    final Path root;
    final Path runDirectory;
    private final Process launcher;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private RunningSuite(Path root, Path runDirectory, Process launcher) {
        this.root = root;
        this.runDirectory = runDirectory;
        this.launcher = launcher;
        this.reader = Thread.ofPlatform().daemon().name("suite-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                    System.out.println("[suite] " + line);
                }
            } catch (IOException ignored) {
                // the launcher is gone
            }
        });
    }

    static RunningSuite start(Path runDirectory) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path launcher = root.resolve("deploy/local/target");
        String classPath = launcher.resolve("classes") + ":" + Files.readString(launcher.resolve("classpath.txt")).trim();
        String java = ProcessHandle.current().info().command().orElse("java");
        // setsid: a process group of its own, as a terminal gives the foreground job
        ProcessBuilder builder = new ProcessBuilder("setsid", java, "-Xmx256m", "-Dportal.root=" + root,
                "-cp", classPath, "dev.portal.local.LocalSuite", "up").redirectErrorStream(true);
        builder.environment().put("PORTAL_RUN_DIR", runDirectory.toString());
        builder.environment().put("PORTAL_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        // the cache is trained once per build; a test run would pay for it every time
        builder.environment().put("PORTAL_AOT", "off");
        // This run's ingress: requests from 127.0.0.1 may name their client in X-Forwarded-For, as an ingress does for
        // the customers behind it (the browser tests give each test a client address of its own that way, see
        // web.PortalUsers). Every other peer is its own address whatever it sends (the production rule, nothing
        // trusted): the tests that attack the edge come from 127.0.0.2 and up.
        builder.environment().put("PORTAL_GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32");
        return new RunningSuite(root, runDirectory, builder.start());
    }

    /** Waits for the ready table; fails with the launcher's output if it stops first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.contains("Ctrl-C stops everything"))) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the suite stopped before it was ready:\n" + String.join("\n", output));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the suite was not ready within " + timeout + ":\n" + String.join("\n", output));
    }

    /** For a launcher expected to refuse to start: its exit code, once it exited within the time. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!launcher.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher still runs after " + timeout + ":\n" + String.join("\n", output));
        }
        reader.join(Duration.ofSeconds(10)); // the last lines, up to the end of the stream
        return launcher.exitValue();
    }

    /** The pids in the ready table: PostgreSQL, Kafka and every service. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (String line : output) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches()) {
                pids.add(Long.parseLong(row.group(2)));
            }
        }
        return pids;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    public static String url(int port, String path) {
        return "http://localhost:" + (port + PORT_OFFSET) + path;
    }

    /** Ctrl-C: SIGINT to the suite's whole process group, as a terminal sends it. */
    int interrupt(Duration timeout) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).inheritIO().start().waitFor();
        if (!launcher.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not stop within " + timeout);
        }
        return launcher.exitValue();
    }

    @Override
    public void close() {
        if (launcher.isAlive()) {
            launcher.destroy();
            try {
                launcher.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
