package dev.portal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.portal.k8s.Manifests.list;

/**
 * Alerts and dashboards checked against what really exists: every alert links a section of docs/runbooks.md, and
 * every metric a query names is one a service registers (its meter name in the sources) or one the exporters and
 * Spring publish (listed here with where it comes from).
 */
final class Monitoring {

    /** Metrics published by others: Prometheus, kube-state-metrics, Strimzi's Kafka Exporter, CloudNativePG, Boot. */
    static final Set<String> PUBLISHED_ELSEWHERE = Set.of(
            "up",                                             // Prometheus, per scrape target
            "kube_pod_container_status_restarts_total",       // kube-state-metrics
            "kafka_consumergroup_lag",                        // Strimzi Kafka Exporter
            "kafka_topic_partition_current_offset",           // Strimzi Kafka Exporter
            "cnpg_pg_replication_slots_pg_wal_lsn_diff",      // CloudNativePG default monitoring queries
            "cnpg_collector_up",                              // CloudNativePG exporter
            "http_server_requests_seconds_count",             // Spring Boot (Micrometer) HTTP server observation
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "jvm_memory_used_bytes",                          // Micrometer JVM metrics
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "resilience4j_circuitbreaker_state");             // bound by clients/support ExternalCalls

    private static final Pattern METER = Pattern.compile(
            "(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\"([a-z0-9.\\-_]+)\"|\\.(?:counter|gauge|timer)\\(\"([a-z0-9.\\-_]+)\""
                    + "|Observation\\.createNotStarted\\(\"([a-z0-9.\\-_]+)\"");
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$", Pattern.MULTILINE);

    private Monitoring() {
    }

    /** Prometheus names of the meters the suite registers, from every module's main sources. */
    static Set<String> registeredMeters() {
        Set<String> meters = new LinkedHashSet<>();
        for (String module : Modules.all()) {
            for (Path java : Modules.mainSources(module, ".java")) {
                Matcher m = METER.matcher(Repository.read(java));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    meters.add(name.replace('.', '_').replace('-', '_'));
                }
            }
        }
        return meters;
    }

    static boolean exists(String metric, Set<String> meters) {
        return PUBLISHED_ELSEWHERE.contains(metric)
                || meters.stream().anyMatch(base -> SUFFIXES.stream().anyMatch(s -> metric.equals(base + s)));
    }

    static List<String> metricsOf(String expression) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every PromQL expression of the rendered alerts and dashboards, with where it is. */
    static List<String[]> expressions(Manifests manifests) {
        List<String[]> expressions = new ArrayList<>();
        for (JsonNode rule : manifests.ofKind("PrometheusRule")) {
            for (JsonNode group : list(rule.path("spec").path("groups"))) {
                for (JsonNode alert : list(group.path("rules"))) {
                    expressions.add(new String[] {"alert " + alert.path("alert").asText(), alert.path("expr").asText()});
                }
            }
        }
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").properties().forEach(e -> {
                if (e.getKey().endsWith(".json")) {
                    JsonNode dashboard = json(e.getValue().asText());
                    for (JsonNode panel : list(dashboard.path("panels"))) {
                        for (JsonNode target : list(panel.path("targets"))) {
                            expressions.add(new String[] {"dashboard " + e.getKey() + " panel '" + panel.path("title").asText() + "'",
                                    target.path("expr").asText()});
                        }
                    }
                }
            });
        }
        return expressions;
    }

    static List<String> unknownMetrics(Manifests manifests) {
        Set<String> meters = registeredMeters();
        List<String> problems = new ArrayList<>();
        for (String[] e : expressions(manifests)) {
            List<String> metrics = metricsOf(e[1]);
            if (metrics.isEmpty()) {
                problems.add(e[0] + ": names no metric: " + e[1]);
            }
            metrics.stream().filter(name -> !exists(name, meters))
                    .forEach(name -> problems.add(e[0] + ": metric " + name + " is exposed by nothing in the suite"));
        }
        return problems;
    }

    static List<String> runbookProblems(Manifests manifests) {
        Set<String> anchors = anchors(Repository.read(Repository.path("docs/runbooks.md")));
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : manifests.ofKind("PrometheusRule")) {
            for (JsonNode group : list(rule.path("spec").path("groups"))) {
                for (JsonNode alert : list(group.path("rules"))) {
                    String url = alert.path("annotations").path("runbook_url").asText("");
                    String anchor = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
                    if (!anchors.contains(anchor)) {
                        problems.add("alert " + alert.path("alert").asText() + ": runbook_url '" + url
                                + "' names no section of docs/runbooks.md");
                    }
                }
            }
        }
        return problems;
    }

    /** GitHub-style anchors of a Markdown file's headings. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            anchors.add(m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 \\-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
