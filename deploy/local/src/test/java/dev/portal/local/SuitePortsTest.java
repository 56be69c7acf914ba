package dev.portal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuitePortsTest {

    @TempDir
    Path run;

    @Test
    void every_listening_port_of_the_suite_is_checked() {
        Map<String, Integer> ports = SuitePorts.of(SuiteSettings.fromEnvironment(Path.of("/suite"), Map.of("PORTAL_PORT_OFFSET", "7")));

        assertThat(ports).containsEntry("postgres", 5439).containsEntry("kafka", 9099).containsEntry("kafka controller", 19100)
                .containsEntry("gateway", 8087).containsEntry("gateway management", 8187).containsEntry("sandbox", 8106).containsEntry("sandbox sftp", 2229)
                .containsEntry("sandbox smtp", 2532)
                .containsEntry("sandbox whmcs", 8102).containsEntry("sandbox salesforce", 8103).containsEntry("sandbox stripe", 8105);
    }

    @Test
    void no_two_suite_ports_are_a_multiple_of_1000_apart_so_suites_at_offsets_1000_apart_never_share_a_port() {
        Map<String, Integer> ports = SuitePorts.of(SuiteSettings.fromEnvironment(Path.of("/suite"), Map.of()));

        List<String> clashes = new ArrayList<>();
        ports.forEach((name, port) -> ports.forEach((other, otherPort) -> {
            if (name.compareTo(other) < 0 && Math.abs(port - otherPort) % 1000 == 0) {
                clashes.add(name + " " + port + " / " + other + " " + otherPort);
            }
        }));
        assertThat(clashes).isEmpty();
    }

    @Test
    void a_kafka_controller_port_held_by_another_process_stops_the_launcher_before_it_starts_anything() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // an offset that puts the Kafka controller (19093 + offset) on the port the other process holds
            int controller = held.getLocalPort();
            int offset = controller - 19093;
            assertThat(offset).as("an ephemeral port lies above 19093").isBetween(0, 50_000);

            Process launcher = SuiteLockTest.launcher(run, "up", "PORTAL_PORT_OFFSET", Integer.toString(offset));

            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
            String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(launcher.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains(controller + " (kafka controller)").contains("already in use")
                    .doesNotContain("ready after");
        }
    }
}
