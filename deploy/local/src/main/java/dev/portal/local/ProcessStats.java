package dev.portal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of processes, read from Linux's /proc; zero where that is not available. RSS counts shared pages in
 * every process that maps them (PostgreSQL's shared buffers once per backend); PSS splits them among the
 * sharers, so PSS adds up to what the machine really spends.
 */
final class ProcessStats {

    private ProcessStats() {
    }

    /** RSS of a process and all its descendants (a JVM's helpers, PostgreSQL's backends). */
    static long treeRssBytes(long pid) {
        return ProcessHandle.of(pid).map(handle -> Stream.concat(Stream.of(handle), handle.descendants())
                .mapToLong(p -> rssBytes(p.pid())).sum()).orElse(0L);
    }

    static long treePssBytes(long pid) {
        return ProcessHandle.of(pid).map(handle -> Stream.concat(Stream.of(handle), handle.descendants())
                .mapToLong(p -> pssBytes(p.pid())).sum()).orElse(0L);
    }

    static long rssBytes(long pid) {
        return kibibytesField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") * 1024;
    }

    static long pssBytes(long pid) {
        return kibibytesField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:") * 1024;
    }

    private static long kibibytesField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            // no /proc: report nothing rather than guess
        }
        return 0;
    }

    static String mebibytes(long bytes) {
        return bytes == 0 ? "-" : (bytes / (1024 * 1024)) + " MiB";
    }
}
