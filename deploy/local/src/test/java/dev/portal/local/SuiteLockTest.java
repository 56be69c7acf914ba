package dev.portal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLockTest {

    @TempDir
    Path run;

    @Test
    void a_second_launcher_on_a_run_directory_in_use_says_so_and_exits_without_touching_it() throws Exception {
        Files.writeString(run.resolve("suite.pids"), "1 0 kafka\n");
        try (SuiteLock first = SuiteLock.acquire(run)) {
            Process second = launcher(run, "up");

            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second launcher exits").isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("a suite is already running from " + run)
                    .contains("launcher pid " + ProcessHandle.current().pid());
            assertThat(run.resolve("suite.pids")).as("the running suite's pid file is left alone").exists();
        }
    }

    @Test
    void reset_is_refused_while_a_suite_runs_and_empties_the_directory_after() throws Exception {
        Files.createDirectories(run.resolve("postgres"));
        Files.writeString(run.resolve("postgres").resolve("PG_VERSION"), "17");
        try (SuiteLock first = SuiteLock.acquire(run)) {
            assertThatThrownBy(() -> FreshStart.reset(run)).hasMessageContaining("already running");
            assertThat(run.resolve("postgres")).exists();
        }

        List<String> deleted = FreshStart.reset(run);

        assertThat(deleted).containsExactly("postgres");
        assertThat(run.resolve("postgres")).doesNotExist();
    }

    @Test
    void the_lock_is_free_again_once_the_launcher_released_it() throws IOException {
        SuiteLock.acquire(run).close();

        try (SuiteLock again = SuiteLock.acquire(run)) {
            assertThat(Files.readString(run.resolve("suite.lock")).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    /** The launcher as ./portal runs it, in a JVM of its own: a lock held by this JVM is another process's to it. */
    static Process launcher(Path runDirectory, String command, String... environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), LocalSuite.class.getName(), command).redirectErrorStream(true);
        builder.environment().put("PORTAL_RUN_DIR", runDirectory.toString());
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        return builder.start();
    }
}
