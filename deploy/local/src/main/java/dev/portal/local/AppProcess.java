package dev.portal.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service as a child JVM: its fat jar extracted (class-data sharing needs plain jars), an AOT cache trained
 * once per build on JDK 25+, its own log file, and a readiness probe.
 */
final class AppProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final ServiceSpec spec;
    private final SuiteSettings settings;
    private final String java;
    private final Map<String, String> environment;
    private final Path home;
    private final Path log;
    private volatile Process process;
    private volatile long startedNanos;
    private volatile long readyNanos;

    AppProcess(ServiceSpec spec, SuiteSettings settings, String java, Map<String, String> environment) {
        this.spec = spec;
        this.settings = settings;
        this.java = java;
        this.environment = new java.util.LinkedHashMap<>(environment);
        this.environment.put("SERVER_PORT", Integer.toString(settings.port(spec)));
        if (spec.managementPort() != 0) {
            // Spring's own variable, as for SERVER_PORT: the gateway's operators' port moves with the offset
            this.environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(settings.managementPort(spec)));
        }
        this.home = settings.runDirectory().resolve("apps").resolve(spec.name());
        this.log = settings.runDirectory().resolve("logs").resolve(spec.name() + ".log");
    }

    /** The packaged jar of the service module. */
    Path builtJar() throws IOException {
        Path target = settings.root().resolve(spec.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException(spec.name() + " is not built: " + target + " is missing (run ./portal build)");
        }
        try (Stream<Path> files = Files.list(target)) {
            // a module whose plain jar is also a library (the sandbox) publishes its runnable jar as "-exec"
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith(".jar.original"))
                    .min(Comparator.comparing((Path p) -> !p.getFileName().toString().endsWith("-exec.jar")))
                    .orElseThrow(() -> new IllegalStateException(spec.name() + " is not built: no jar in " + target));
        }
    }

    /** Extracts the jar again when the build is newer than the last extraction. */
    Path prepare() throws IOException, InterruptedException {
        Path jar = builtJar();
        Path stamp = home.resolve(".extracted");
        if (!Files.exists(stamp) || Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            deleteRecursively(home);
            Files.createDirectories(home);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", home.toString()),
                    Duration.ofMinutes(2), "extracting " + jar.getFileName());
            Files.writeString(stamp, jar.toString());
            Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis()));
        }
        return extractedJar();
    }

    boolean needsTraining() throws IOException {
        Path cache = aotCache();
        return settings.aot() && (!Files.exists(cache)
                || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(home.resolve(".extracted"))) < 0);
    }

    /**
     * A training run: the context is refreshed (every bean created, so every class loaded) and the JVM exits
     * before anything starts serving; the JVM then writes the AOT cache. Needs the database and broker up.
     */
    void train() throws IOException, InterruptedException {
        Files.deleteIfExists(aotCache());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-XX:AOTCacheOutput=" + aotCache(), "-Dspring.context.exit=onRefresh",
                "-jar", extractedJar().toString()));
        try {
            run(command, Duration.ofMinutes(4), "training the AOT cache of " + spec.name());
        } catch (IllegalStateException e) {
            Files.deleteIfExists(aotCache());
            throw e;
        }
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(settings.javaOptions());
        if (settings.aot() && Files.exists(aotCache())) {
            command.add("-XX:AOTCache=" + aotCache());
        }
        command.addAll(List.of("-jar", extractedJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        startedNanos = System.nanoTime();
        process = builder.start();
    }

    /** One readiness probe; true once the service says it is ready. */
    boolean probeReady() {
        if (readyNanos != 0) {
            return true;
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(settings.readinessUrl(spec))).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                readyNanos = System.nanoTime();
                return true;
            }
        } catch (IOException notListeningYet) {
            // starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    Process process() {
        return process;
    }

    boolean isReady() {
        return readyNanos != 0;
    }

    Duration readyAfter() {
        return readyNanos == 0 ? null : Duration.ofNanos(readyNanos - startedNanos);
    }

    long readyAtNanos() {
        return readyNanos;
    }

    Path log() {
        return log;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Path aotCache() {
        return home.resolve(spec.name() + ".aot");
    }

    private Path extractedJar() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no extracted jar in " + home));
        }
    }

    private void run(List<String> command, Duration timeout, String what) throws IOException, InterruptedException {
        Path output = settings.runDirectory().resolve("logs").resolve(spec.name() + ".prepare.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        builder.environment().putAll(environment);
        Process step = builder.start();
        if (!step.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            step.destroyForcibly().waitFor();
            throw new IllegalStateException(what + " took longer than " + timeout + "; see " + output);
        }
        if (step.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + step.exitValue() + "; see " + output);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
