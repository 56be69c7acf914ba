package dev.portal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes a run started, by pid and start time. If a launcher was killed without its shutdown hook
 * (SIGKILL), the next {@code ./portal up} stops what it left behind: by pid, and only when the start time
 * proves it is the same process, never by name.
 */
final class PidFile {

    private final Path file;

    PidFile(Path runDirectory) {
        this.file = runDirectory.resolve("suite.pids");
    }

    synchronized void record(String name, ProcessHandle process) throws IOException {
        String line = process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + " " + name + "\n";
        Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Stops processes of an earlier run that are still alive; returns their names. */
    List<String> stopLeftovers() throws IOException, InterruptedException {
        List<String> stopped = new ArrayList<>();
        if (!Files.exists(file)) {
            return stopped;
        }
        List<ProcessHandle> alive = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ", 3);
            if (parts.length < 3) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
            long recordedStart = Long.parseLong(parts[1]);
            if (process.isPresent() && process.get().isAlive()
                    && process.get().info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == recordedStart) {
                alive.add(process.get());
                stopped.add(parts[2] + " (pid " + parts[0] + ")");
            }
        }
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle process : alive) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        Files.delete(file);
        return stopped;
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
