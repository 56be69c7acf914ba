package dev.portal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What `kubectl apply -k overlays/<name>` would send: rendered, valid against its schemas, and within policy. */
class OverlaysTest {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    static Stream<Arguments> overlaysAndRules() {
        return OVERLAYS.stream().flatMap(o -> Policies.RULES.keySet().stream().map(r -> Arguments.of(o, r)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_object_of_an_overlay_lands_in_the_portal_namespace(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);

        assertThat(manifests.objects()).isNotEmpty();
        assertThat(manifests.objects().stream().filter(o -> !Manifests.kind(o).equals("Namespace"))
                .filter(o -> !o.path("metadata").path("namespace").asText().equals("portal"))
                .map(Manifests::id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_application_the_build_makes_an_image_of_is_deployed(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        // the sandbox stands in for the external systems in staging only
        Set<String> expected = overlay.equals("dev") ? Set.copyOf(Modules.imageModules())
                : Set.copyOf(Modules.imageModules().stream().filter(m -> !m.equals("sandbox")).toList());

        assertThat(manifests.deployments().stream().map(Manifests::name)).containsAll(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_object_validates_against_its_schema(String overlay) {
        List<String> problems = Kustomize.overlay(overlay).objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndRules")
    void every_policy_holds(String overlay, String rule) {
        assertThat(Policies.check(rule, Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void both_overlays_declare_the_same_topics(String overlay) {
        Set<String> topics = Set.copyOf(Kustomize.overlay(overlay).ofKind("KafkaTopic").stream().map(Manifests::name).toList());

        assertThat(topics).isEqualTo(Set.copyOf(Kustomize.overlay("prod").ofKind("KafkaTopic").stream().map(Manifests::name).toList()));
    }

    @Test
    void the_prod_overlay_alerts_link_runbook_sections_that_exist() {
        assertThat(Monitoring.runbookProblems(Kustomize.overlay("prod"))).isEmpty();
    }

    @Test
    void the_prod_alerts_and_dashboards_query_only_metrics_that_are_exposed() {
        assertThat(Monitoring.unknownMetrics(Kustomize.overlay("prod"))).isEmpty();
    }

    @Test
    void the_sse_route_is_not_buffered_and_may_stay_open_for_an_hour() {
        JsonNode events = Kustomize.overlay("prod").find("Ingress", "gateway-events").orElseThrow();

        assertThat(events.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
        assertThat(events.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThanOrEqualTo(3600);
        assertThat(events.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("path").asText()).isEqualTo("/api/events");
    }
}
