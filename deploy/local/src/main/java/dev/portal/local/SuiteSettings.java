package dev.portal.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ./portal up} can be told, all through environment variables (see the README's configuration
 * section). Anything malformed stops the launcher before it starts a single process, naming the variable.
 */
record SuiteSettings(Path root, Path runDirectory, int portOffset, String postgresUrl, int postgresPort, int kafkaPort,
                     int kafkaControllerPort, boolean aot, List<String> javaOptions, int startConcurrency,
                     Duration readyTimeout, List<ServiceSpec> services, boolean jsonLogs) {

    static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            // a local suite favours start time and footprint over peak throughput
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx256m",
            "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError");

    static SuiteSettings fromEnvironment(Path root, Map<String, String> env) {
        int offset = integer(env, "PORTAL_PORT_OFFSET", 0, 0, 50_000);
        Path run = Path.of(env.getOrDefault("PORTAL_RUN_DIR", root.resolve(".run").toString())).toAbsolutePath();
        String aotSetting = env.getOrDefault("PORTAL_AOT", "auto").toLowerCase(Locale.ROOT);
        boolean aot = switch (aotSetting) {
            case "auto", "on" -> Runtime.version().feature() >= 25;
            case "off" -> false;
            default -> throw new IllegalArgumentException("PORTAL_AOT must be auto, on or off, was '" + aotSetting + "'");
        };
        if ("on".equals(aotSetting) && !aot) {
            throw new IllegalArgumentException("PORTAL_AOT=on needs JDK 25 or newer; this is " + Runtime.version());
        }
        List<String> javaOptions = env.containsKey("PORTAL_JAVA_OPTS")
                ? Arrays.stream(env.get("PORTAL_JAVA_OPTS").trim().split("\\s+")).filter(s -> !s.isBlank()).toList()
                : DEFAULT_JAVA_OPTIONS;
        List<ServiceSpec> services = selectServices(env.get("PORTAL_SERVICES"));
        String logFormat = env.getOrDefault("PORTAL_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("PORTAL_LOG_FORMAT must be text or json, was '" + logFormat + "'");
        }
        return new SuiteSettings(root, run, offset, blankToNull(env.get("PORTAL_POSTGRES_URL")),
                5432 + offset, 9092 + offset, 19093 + offset, aot, javaOptions,
                integer(env, "PORTAL_START_CONCURRENCY", 3, 1, 32),
                Duration.ofSeconds(integer(env, "PORTAL_READY_TIMEOUT_SECONDS", 300, 10, 3600)),
                services, logFormat.equals("json"));
    }

    int port(ServiceSpec service) {
        return service.port() + portOffset;
    }

    /** The sandbox's SFTP drop of call/SMS records. */
    int sftpPort() {
        return 2222 + portOffset;
    }

    /**
     * The port at whose root the sandbox also serves one simulated system, as the real one is at its own host:
     * whmcs 8095, salesforce 8096, freebit 8097, stripe 8098 (plus the offset).
     */
    int sandboxRootPort(String system) {
        return portOffset + switch (system) {
            case "whmcs" -> 8095;
            case "salesforce" -> 8096;
            case "freebit" -> 8097;
            case "stripe" -> 8098;
            default -> throw new IllegalArgumentException("no simulated HTTP system " + system);
        };
    }

    static final List<String> SANDBOX_HTTP_SYSTEMS = List.of("whmcs", "salesforce", "freebit", "stripe");

    /** The sandbox's SMTP mail sink. */
    int smtpPort() {
        return 2525 + portOffset;
    }

    String baseUrl(ServiceSpec service) {
        return "http://localhost:" + port(service);
    }

    /** Where the service's actuator answers: its management port when it has one, else its own port. */
    int managementPort(ServiceSpec service) {
        return service.managementPort() == 0 ? port(service) : service.managementPort() + portOffset;
    }

    String readinessUrl(ServiceSpec service) {
        return "http://localhost:" + managementPort(service) + "/actuator/health/readiness";
    }

    private static List<ServiceSpec> selectServices(String selection) {
        if (selection == null || selection.isBlank()) {
            return ServiceSpec.ALL;
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : selection.split("[,\\s]+")) {
            ServiceSpec service = ServiceSpec.ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("PORTAL_SERVICES names an unknown service '" + name
                            + "'; known: " + ServiceSpec.ALL.stream().map(ServiceSpec::name).toList()));
            chosen.add(service);
        }
        return chosen;
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
