package dev.portal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) from Kafka's own jars, as a child
 * process with its data under the run directory, formatted afresh on every start (decision 0038). Ready means this
 * broker answers: the cluster id it reports is the one it was formatted with, never another process's on the port.
 */
final class KafkaBroker {

    private final SuiteSettings settings;
    private final Path home;
    private final String java;
    private final String classPath;
    private final String clusterId = Uuid.randomUuid().toString();

    KafkaBroker(SuiteSettings settings, String java, String classPath) {
        this.settings = settings;
        this.home = settings.runDirectory().resolve("kafka");
        this.java = java;
        this.classPath = classPath;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    Process start(Path log, Path logbackConfig) throws IOException, InterruptedException {
        FreshStart.deleteRecursively(home);
        Path config = writeConfig();
        Process format = new ProcessBuilder(command(logbackConfig, "kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId, "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed; see " + log);
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logbackConfig));
        command.addAll(List.of("-cp", classPath, "kafka.Kafka", config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * Waits until this broker answers a metadata request, or the process dies, or the time is up. An answer with
     * another cluster id is another broker on the port: that is a failure, never "ready".
     */
    void awaitReady(Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 3000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue());
                }
                String answered;
                try {
                    answered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId().get(3, TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    Thread.sleep(250);
                    continue;
                }
                if (!clusterId.equals(answered)) {
                    throw new IllegalStateException("another Kafka broker (cluster " + answered + ") answers on "
                            + bootstrapServers() + "; stop it or set PORTAL_PORT_OFFSET");
                }
                return;
            }
        }
        throw new IllegalStateException("the Kafka broker was not ready within " + timeout);
    }

    private List<String> command(Path logbackConfig, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dlogback.configurationFile=" + logbackConfig,
                "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(home.resolve("data"));
        Path config = home.resolve("server.properties");
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        Files.writeString(config, String.join("\n",
                "# written by ./portal up on every start; edit SuiteSettings/KafkaBroker instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# services declare the topic catalogue; a misspelt topic must fail, not appear",
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                ""));
        return config;
    }
}
