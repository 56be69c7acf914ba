package dev.portal.catalog;

import static org.awaitility.Awaitility.await;

import dev.portal.platform.test.PostgresServer;
import dev.portal.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The real cdc-bridge, run from its executable jar as a process of its own (as in production), against the
 * in-process sandbox's CometD stream, the per-JVM Kafka broker and a database of its own. It bridges the three
 * channels the catalogue consumes, from new events on. Its log goes to {@code target/it/cdc-bridge-<port>.log}.
 */
public final class CdcBridgeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private CdcBridgeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the bridge and waits until it is subscribed to its three channels. */
    public static CdcBridgeProcess start() {
        Path jar = Path.of(System.getProperty("cdc-bridge.jar", "target/it/cdc-bridge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the cdc-bridge jar is missing at " + jar.toAbsolutePath()
                    + " (copied by maven-dependency-plugin before the integration tests)");
        }
        PostgresServer postgres = TestInfrastructure.postgres();
        String database = postgres.createDatabase("catalog_bridge");
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--portal.clients.salesforce.base-url=" + CatalogFixture.SANDBOX.baseUrl() + "/salesforce",
                "--portal.clients.salesforce.client-id=sandbox-client",
                "--portal.clients.salesforce.client-secret=sandbox-secret",
                "--portal.cdc.channels=/data/PricebookEntryChangeEvent,/data/Product2ChangeEvent,/data/Pricebook2ChangeEvent",
                "--portal.cdc.start-policy=new-events",
                "--portal.cdc.watchdog-interval=500ms"));
        Path log = Path.of("target", "it", "cdc-bridge-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            CdcBridgeProcess bridge = new CdcBridgeProcess(process, port, log);
            bridge.awaitSubscribed();
            return bridge;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the cdc-bridge", e);
        }
    }

    private void awaitSubscribed() {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the cdc-bridge exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                }
                try {
                    HttpResponse<String> health = CatalogFixture.get(port, "/actuator/health/cdc", null);
                    JsonNode details = CatalogFixture.json(health).path("details");
                    return health.statusCode() == 200 && details.path("connected").asBoolean()
                            && details.path("subscribed").asInt() == 3;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
