package dev.portal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's data lives as long as one {@code ./portal up}: the sandbox keeps its records in memory and starts from
 * its seed, so PostgreSQL and Kafka start empty too (decision 0038). {@code ./portal reset} goes further and empties
 * the whole run directory (logs, extracted jars, AOT caches), for a slate with nothing of an earlier build on it.
 */
final class FreshStart {

    private FreshStart() {
    }

    /** {@code ./portal reset}: refused while a suite runs from the directory; returns what was deleted. */
    static List<String> reset(Path runDirectory) throws IOException {
        List<String> deleted = new ArrayList<>();
        if (!Files.isDirectory(runDirectory)) {
            return deleted;
        }
        try (SuiteLock ignored = SuiteLock.acquire(runDirectory); Stream<Path> entries = Files.list(runDirectory)) {
            for (Path entry : entries.sorted().toList()) {
                if (entry.getFileName().toString().equals("suite.lock")) {
                    continue; // held right now; harmless to keep
                }
                deleteRecursively(entry);
                deleted.add(entry.getFileName().toString());
            }
        }
        return deleted;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
