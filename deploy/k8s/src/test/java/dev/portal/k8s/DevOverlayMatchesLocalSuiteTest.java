package dev.portal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev overlay configures each service as {@code ./portal up} does: every variable the local launcher passes and the
 * service reads is set in the cluster too, and the cluster sets nothing the launcher does not know, except what only a
 * cluster needs (listed with why). The launcher's environment is read from its source, the one place it is written.
 */
class DevOverlayMatchesLocalSuiteTest {

    /** Set in the cluster only; the reason is why the local suite can do without. */
    static final Map<String, String> CLUSTER_ONLY = Map.of(
            "PORTAL_DB_NAME", "the local suite relies on each service's default database name",
            "PORTAL_GATEWAY_TRUSTED_PROXIES", "nothing stands in front of the local suite's gateway; in a cluster the ingress does",
            "PORTAL_IDENTITY_LIMITS_TRUSTED_PROXIES", "identity's default is loopback, where the local suite's gateway runs",
            "PORTAL_IDENTITY_MAIL_FROM", "its default names localhost, which only suits one machine",
            "PORTAL_WHMCS_ACCESS_KEY", "an optional key of the shared client Secret (production WHMCS may want it)",
            "PORTAL_SALESFORCE_USERNAME", "an optional key of the shared client Secret (Salesforce's JWT bearer flow)",
            "PORTAL_SALESFORCE_PRIVATE_KEY", "an optional key of the shared client Secret (Salesforce's JWT bearer flow)");

    private static final Pattern PUT = Pattern.compile("environment\\.put\\(\"([A-Z0-9_]+)\"");
    private static final Pattern SPEC = Pattern.compile("new ServiceSpec\\(\"([a-z-]+)\", \"[^\"]*\", \\d+, (null|\"[a-z_]+\")(, \\d+)?\\)");

    /** The services the launcher creates a database for (ServiceSpec's fourth argument): only they get PORTAL_DB_*. */
    static Set<String> servicesWithDatabase() {
        Set<String> services = new LinkedHashSet<>();
        Matcher m = SPEC.matcher(Repository.read(Repository.path("deploy/local/src/main/java/dev/portal/local/ServiceSpec.java")));
        while (m.find()) {
            if (!m.group(2).equals("null")) {
                services.add(m.group(1));
            }
        }
        return services;
    }

    static Set<String> localSuiteVariables() {
        String suite = Repository.read(Repository.path("deploy/local/src/main/java/dev/portal/local/LocalSuite.java"));
        String process = Repository.read(Repository.path("deploy/local/src/main/java/dev/portal/local/AppProcess.java"));
        String specs = Repository.read(Repository.path("deploy/local/src/main/java/dev/portal/local/ServiceSpec.java"));
        Set<String> names = new LinkedHashSet<>();
        for (String source : List.of(suite, process)) {
            Matcher m = PUT.matcher(source);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        Matcher m = SPEC.matcher(specs);
        while (m.find()) {
            // ServiceSpec.urlVariable(): each service's base URL for the gateway and the clients
            names.add("PORTAL_" + m.group(1).replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_URL");
        }
        return names;
    }

    @Test
    void the_launchers_environment_is_found_in_its_source() {
        assertThat(localSuiteVariables()).contains("PORTAL_DB_HOST", "PORTAL_KAFKA_BOOTSTRAP_SERVERS", "PORTAL_IDENTITY_URL", "SERVER_PORT");
        assertThat(servicesWithDatabase()).contains("identity-service", "cdc-bridge").doesNotContain("gateway");
    }

    @Test
    void every_variable_the_local_suite_passes_and_a_service_reads_is_set_in_dev() {
        Set<String> local = localSuiteVariables();
        Manifests dev = Kustomize.overlay("dev");
        List<String> missing = new ArrayList<>();
        for (JsonNode deployment : dev.deployments()) {
            JsonNode container = Manifests.containers(deployment).getFirst();
            if (!Policies.isSuiteService(container)) {
                continue;
            }
            String module = Manifests.imageName(container.path("image").asText());
            Set<String> set = dev.environment(container);
            boolean database = servicesWithDatabase().contains(module);
            EnvironmentContract.read(module).keySet().stream()
                    .filter(local::contains).filter(v -> !set.contains(v))
                    .filter(v -> database || !v.startsWith("PORTAL_DB_"))
                    .forEach(v -> missing.add(Manifests.name(deployment) + ": " + v));
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void dev_sets_no_variable_the_local_suite_does_not_know() {
        Set<String> local = localSuiteVariables();
        Manifests dev = Kustomize.overlay("dev");
        List<String> unknown = new ArrayList<>();
        for (JsonNode deployment : dev.deployments()) {
            JsonNode container = Manifests.containers(deployment).getFirst();
            if (!Policies.isSuiteService(container)) {
                continue;
            }
            dev.environment(container).stream().filter(v -> !local.contains(v) && !CLUSTER_ONLY.containsKey(v))
                    .forEach(v -> unknown.add(Manifests.name(deployment) + ": " + v));
        }

        assertThat(unknown).isEmpty();
    }
}
