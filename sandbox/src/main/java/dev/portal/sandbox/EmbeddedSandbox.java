package dev.portal.sandbox;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox started inside the current JVM on free loopback ports, once per JVM, for tests of the clients
 * and services that talk to it over real HTTP, SFTP and SMTP. Tests call {@link #reset()} (and clear faults)
 * before each case so they do not see each other's changes.
 */
public final class EmbeddedSandbox {

    /** Auto-configuration a service's test class path may bring that the sandbox must not start. */
    private static final List<String> SERVICE_INFRASTRUCTURE = List.of(
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "dev.portal.platform.events.EventsAutoConfiguration",
            "dev.portal.platform.outbox.OutboxAutoConfiguration",
            "dev.portal.platform.inbox.InboxAutoConfiguration");

    private static EmbeddedSandbox instance;

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedSandbox(ConfigurableApplicationContext context) {
        this.context = context;
        Environment env = context.getEnvironment();
        this.baseUrl = URI.create("http://127.0.0.1:" + env.getProperty("local.server.port"));
    }

    /** The running sandbox, started on first use. */
    public static synchronized EmbeddedSandbox get() {
        if (instance == null) {
            // Command-line arguments, so they beat any application.yml. Inside a service's tests the class path also
            // holds that service's application.yml and its Kafka/JDBC/Flyway auto-configuration: the sandbox reads
            // no application.yml at all (no such config name) and leaves the service's infrastructure alone.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
                    .run("--spring.config.name=embedded-sandbox", "--spring.application.name=sandbox",
                            "--server.port=0", "--server.address=127.0.0.1",
                            "--sandbox.sftp.port=0", "--sandbox.smtp.port=0",
                            "--sandbox.roots.whmcs-port=0", "--sandbox.roots.salesforce-port=0",
                            "--sandbox.roots.freebit-port=0", "--sandbox.roots.stripe-port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.autoconfigure.exclude=" + String.join(",", SERVICE_INFRASTRUCTURE));
            instance = new EmbeddedSandbox(context);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "embedded-sandbox-stop"));
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}; a system's base is this plus its prefix, e.g. {@code /whmcs}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public URI url(String path) {
        return baseUrl.resolve(path);
    }

    /**
     * {@code http://127.0.0.1:<port>}: a system served at the root of a port of its own, as the real one is at its
     * own host (e.g. {@code SandboxSystems.SALESFORCE}, whose {@code instance_url} is then this root).
     */
    public URI rootUrl(String system) {
        return URI.create("http://127.0.0.1:" + property("sandbox.roots." + system + ".bound-port"));
    }

    /** A bean of the running sandbox, for tests that must look at simulator state directly. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A setting of the running sandbox, e.g. the port its SFTP server got ({@code sandbox.sftp.bound-port}). */
    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    /** Seeds every system again and clears every fault. */
    public void reset() {
        admin("POST", "/sandbox/admin/reset", null);
    }

    /** Injects a fault, given as the admin API's JSON, e.g. {@code {"failure":"status","status":503,"remaining":2}}. */
    public void fault(String system, String faultJson) {
        admin("PUT", "/sandbox/admin/faults/" + system, faultJson);
    }

    public void clearFaults() {
        admin("DELETE", "/sandbox/admin/faults", null);
    }

    /** Calls the admin API and returns the answer body; fails on any non-2xx answer. */
    public String admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
