package dev.portal.local;

import java.util.List;

/**
 * One application of the suite as the launcher runs it; {@code managementPort} (0: none) is where its actuator is
 * served when that is not its own port (the gateway's, which faces the internet).
 */
record ServiceSpec(String name, String module, int port, String database, int managementPort) {

    ServiceSpec(String name, String module, int port, String database) {
        this(name, module, port, database, 0);
    }

    /** The suite, sandbox first: the external systems' stand-in is useful to look at while the rest starts. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("sandbox", "sandbox", 8099, null),
            new ServiceSpec("identity-service", "identity-service", 8081, "identity"),
            new ServiceSpec("catalog-service", "catalog-service", 8082, null),
            new ServiceSpec("order-service", "order-service", 8083, "orders"),
            new ServiceSpec("fulfillment-service", "fulfillment-service", 8084, "fulfillment"),
            new ServiceSpec("billing-service", "billing-service", 8085, "billing"),
            new ServiceSpec("sim-service", "sim-service", 8086, "sim"),
            new ServiceSpec("case-service", "case-service", 8087, "cases"),
            new ServiceSpec("wishlist-service", "wishlist-service", 8088, "wishlist"),
            new ServiceSpec("notification-service", "notification-service", 8089, null),
            // a second instance: the gateway balances /api/events over both, a stream resumes on either
            new ServiceSpec("notification-service-2", "notification-service", 8091, null),
            new ServiceSpec("cdc-bridge", "cdc-bridge", 8090, "cdc_bridge"),
            new ServiceSpec("gateway", "gateway", 8080, null, 8180));

    /** The environment variable the gateway reads this service's base URL from, e.g. PORTAL_IDENTITY_URL. */
    String urlVariable() {
        return "PORTAL_" + name.replace("-service", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_URL";
    }
}
