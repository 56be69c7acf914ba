package dev.portal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteSettingsTest {

    private static final Path ROOT = Path.of("/suite");

    @Test
    void defaults_run_every_service_on_the_architecture_ports() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of());

        assertThat(settings.services()).hasSize(12);
        assertThat(settings.baseUrl(ServiceSpec.ALL.getLast())).isEqualTo("http://localhost:8080");
        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.runDirectory()).isEqualTo(Path.of("/suite/.run"));
        assertThat(settings.readinessUrl(ServiceSpec.ALL.getLast())).as("the gateway's operators' port")
                .isEqualTo("http://localhost:8180/actuator/health/readiness");
        assertThat(settings.readinessUrl(ServiceSpec.ALL.getFirst())).isEqualTo("http://localhost:8099/actuator/health/readiness");
    }

    @Test
    void an_offset_moves_every_port() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_PORT_OFFSET", "100"));

        assertThat(settings.baseUrl(ServiceSpec.ALL.getFirst())).isEqualTo("http://localhost:8199");
        assertThat(settings.postgresPort()).isEqualTo(5532);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19193);
    }

    @Test
    void a_subset_of_services_can_be_run() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_SERVICES", "gateway, identity-service"));

        assertThat(settings.services()).extracting(ServiceSpec::name).containsExactly("gateway", "identity-service");
    }

    @Test
    void bad_values_are_refused_naming_the_variable() {
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_PORT_OFFSET", "lots")))
                .hasMessageContaining("PORTAL_PORT_OFFSET").hasMessageContaining("lots");
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_START_CONCURRENCY", "0")))
                .hasMessageContaining("PORTAL_START_CONCURRENCY");
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_SERVICES", "billing")))
                .hasMessageContaining("PORTAL_SERVICES").hasMessageContaining("billing");
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_AOT", "maybe")))
                .hasMessageContaining("PORTAL_AOT");
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("PORTAL_LOG_FORMAT", "xml")))
                .hasMessageContaining("PORTAL_LOG_FORMAT");
    }

    @Test
    void the_gateway_learns_each_service_url_from_a_variable_named_after_it() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::urlVariable)
                .contains("PORTAL_IDENTITY_URL", "PORTAL_CASE_URL", "PORTAL_CDC_BRIDGE_URL", "PORTAL_SANDBOX_URL");
    }
}
