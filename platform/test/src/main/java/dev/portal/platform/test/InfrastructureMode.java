package dev.portal.platform.test;

import java.util.Locale;

/**
 * Where test infrastructure comes from. Chosen with the system property {@code portal.test.infrastructure}
 * or the environment variable {@code PORTAL_TEST_INFRASTRUCTURE}: {@code embedded}, {@code testcontainers},
 * or {@code auto} (the default: Testcontainers when a Docker engine answers, embedded otherwise).
 */
public enum InfrastructureMode {
    EMBEDDED, TESTCONTAINERS;

    static InfrastructureMode selected() {
        String configured = System.getProperty("portal.test.infrastructure",
                System.getenv().getOrDefault("PORTAL_TEST_INFRASTRUCTURE", "auto"));
        return switch (configured.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            case "auto", "" -> dockerAvailable() ? TESTCONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    "portal.test.infrastructure must be embedded, testcontainers or auto, was '" + configured + "'");
        };
    }

    private static boolean dockerAvailable() {
        try {
            // Logs an ERROR line when no engine exists; that is expected on machines without Docker.
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable probeFailed) {
            return false;
        }
    }
}
