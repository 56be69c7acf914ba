package dev.portal.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fails on a fixture that breaks exactly it: the checks can fail, and say why. */
class PolicyFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            probes               | has no readinessProbe
            resources            | has no limits.memory
            pod-security         | has a writable root filesystem
            graceful-shutdown    | terminationGracePeriodSeconds 20 < preStop 10 s
            disruption-budget    | runs 2 replicas without a PodDisruptionBudget
            topology-spread      | replicated but not spread over nodes
            network-policy       | no NetworkPolicy selects its pods
            topic-catalogue      | topic portal.mail.requests of the catalogue (Topics.java) has no KafkaTopic
            environment          | PORTAL_PRICEBOOK_ID
            images               | is not an image the build makes
            secrets-by-reference | PORTAL_DB_PASSWORD has a literal value
            databases            | needs REPLICATION for the outbox relay
            """)
    void each_rule_fails_on_its_fixture(String rule, String expected) {
        List<String> violations = Policies.check(rule, Manifests.fixture(rule + ".yaml"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains(expected));
    }

    @Test
    void an_unknown_field_fails_schema_validation() {
        List<String> problems = Manifests.fixture("schema-unknown-field.yaml").objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown field(s) [livenessProb]"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KafkaTopic").contains("unknown field(s) [partitons]"));
    }

    @Test
    void a_wrong_type_fails_schema_validation() {
        List<String> problems = Manifests.fixture("schema-wrong-type.yaml").objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KafkaTopic"));
    }

    @Test
    void a_malformed_quantity_fails_schema_validation() {
        List<String> problems = Manifests.fixture("schema-bad-quantity.yaml").objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("is not a quantity"));
    }

    @Test
    void a_cloudnativepg_parameter_that_is_not_a_string_fails_schema_validation() {
        List<String> problems = Manifests.fixture("schema-cnpg.yaml").objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("max_wal_senders"));
    }

    @Test
    void a_kind_without_a_schema_is_refused() {
        List<String> problems = Manifests.fixture("schema-unknown-kind.yaml").objects().stream()
                .flatMap(o -> SchemaValidator.validate(o).stream()).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no schema for example.com/v1/Widget"));
    }

    @Test
    void an_alert_without_a_runbook_section_fails() {
        assertThat(Monitoring.runbookProblems(Manifests.fixture("alerts.yaml")))
                .anySatisfy(p -> assertThat(p).contains("names no section of docs/runbooks.md"));
    }

    @Test
    void an_alert_on_a_metric_nobody_exposes_fails() {
        assertThat(Monitoring.unknownMetrics(Manifests.fixture("alerts.yaml")))
                .anySatisfy(p -> assertThat(p).contains("metric portal_outbox_relayed_totl is exposed by nothing"));
    }
}
