package dev.portal.platform.service;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;

/** The settings every service of the suite shares (see {@link PlatformDefaults}). */
class ServiceDefaults extends PlatformDefaults {

    ServiceDefaults() {
        super("portal-service-defaults");
    }

    @Override
    protected void contribute(Map<String, Object> defaults, ConfigurableEnvironment environment) {
        // Probes: liveness is the process only; readiness adds the dependencies a service cannot serve without.
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,migrations,kafka,outbox");
        defaults.put("management.endpoint.health.validate-group-membership", "false");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters");
        // Operators' endpoints (health details, metrics, dead-letter replay) on a port of their own when one is named:
        // unset, they share the service's port, which only the gateway reaches. The gateway, the one process facing
        // the internet, names one by default (decision 0039).
        defaults.put("management.server.port", "${PORTAL_MANAGEMENT_PORT:}");
        defaults.put("management.info.java.enabled", "true");
        defaults.put("management.info.process.enabled", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.tracing.sampling.probability", "${PORTAL_TRACING_SAMPLING:1.0}");
        // Spans leave the process only when a collector is named; Boot treats any value, even empty, as one.
        String otlpEndpoint = environment.getProperty("PORTAL_OTLP_TRACING_ENDPOINT", "");
        if (!otlpEndpoint.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", otlpEndpoint);
        }
        // No X-Forwarded-* header rewrites the client's address or the request's URL: Boot would switch to "native"
        // by itself on Kubernetes, and Tomcat's RemoteIpValve trusts every private address. Who the client is, is the
        // gateway's decision, passed on in its one X-Forwarded-For entry (decision 0039).
        defaults.put("server.forward-headers-strategy", "none");
        // Shutdown lets in-flight requests and Kafka batches finish; blocking work runs on virtual threads.
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        // An absent database must show in readiness, not stop the start: no connection is needed to boot.
        defaults.put("spring.datasource.username", "${PORTAL_DB_USER:postgres}");
        defaults.put("spring.datasource.password", "${PORTAL_DB_PASSWORD:postgres}");
        defaults.put("spring.datasource.hikari.initialization-fail-timeout", "-1");
        defaults.put("spring.datasource.hikari.connection-timeout", "5000");
        defaults.put("spring.datasource.hikari.validation-timeout", "2000");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "${PORTAL_DB_POOL_SIZE:10}");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.jpa.database-platform", "org.hibernate.dialect.PostgreSQLDialect");
        defaults.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
        defaults.put("logging.level.org.flywaydb.core.internal.license", "WARN");
        // A service with springdoc publishes its OpenAPI document on purpose (the gateway merges them).
        defaults.put("springdoc.api-docs.enabled", "true");
    }
}
