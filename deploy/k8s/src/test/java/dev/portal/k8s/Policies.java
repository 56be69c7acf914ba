package dev.portal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.platform.events.Topic;
import dev.portal.platform.events.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.portal.k8s.Manifests.containers;
import static dev.portal.k8s.Manifests.id;
import static dev.portal.k8s.Manifests.imageName;
import static dev.portal.k8s.Manifests.labels;
import static dev.portal.k8s.Manifests.list;
import static dev.portal.k8s.Manifests.name;
import static dev.portal.k8s.Manifests.podLabels;
import static dev.portal.k8s.Manifests.selects;

/**
 * The rules every rendered overlay must pass, by name. Each returns its violations, one line each, naming the object.
 * Rules about "the suite's services" apply to Deployments whose image the build makes ({@link Modules#imageModules()}).
 */
final class Policies {

    /** Spring's graceful phase (platform-service: spring.lifecycle.timeout-per-shutdown-phase) plus a margin. */
    static final int SHUTDOWN_PHASE_SECONDS = 20;
    static final int SHUTDOWN_MARGIN_SECONDS = 5;
    /** Third-party images the manifests may run: each pinned to a version, never "latest". */
    static final Set<String> THIRD_PARTY_IMAGES = Set.of("otel/opentelemetry-collector");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN)$");

    static final Map<String, Function<Manifests, List<String>>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("probes", Policies::probes);
        RULES.put("resources", Policies::resources);
        RULES.put("pod-security", Policies::podSecurity);
        RULES.put("graceful-shutdown", Policies::gracefulShutdown);
        RULES.put("disruption-budget", Policies::disruptionBudget);
        RULES.put("topology-spread", Policies::topologySpread);
        RULES.put("network-policy", Policies::networkPolicy);
        RULES.put("topic-catalogue", Policies::topicCatalogue);
        RULES.put("environment", Policies::environment);
        RULES.put("images", Policies::images);
        RULES.put("secrets-by-reference", Policies::secretsByReference);
        RULES.put("databases", Policies::databases);
    }

    private Policies() {
    }

    static List<String> check(String rule, Manifests manifests) {
        return RULES.get(rule).apply(manifests);
    }

    static boolean isSuiteService(JsonNode container) {
        return Modules.imageModules().contains(imageName(container.path("image").asText()));
    }

    static List<String> probes(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (c.path(probe).isMissingNode()) {
                        violations.add(id(d) + ": container " + c.path("name").asText() + " has no " + probe);
                    }
                }
                if (isSuiteService(c)) {
                    expectPath(violations, d, c, "startupProbe", "/actuator/health/liveness");
                    expectPath(violations, d, c, "livenessProbe", "/actuator/health/liveness");
                    expectPath(violations, d, c, "readinessProbe", "/actuator/health/readiness");
                }
            }
        }
        return violations;
    }

    private static void expectPath(List<String> violations, JsonNode d, JsonNode c, String probe, String path) {
        String actual = c.path(probe).path("httpGet").path("path").asText("");
        if (!c.path(probe).isMissingNode() && !actual.equals(path)) {
            violations.add(id(d) + ": " + probe + " must ask " + path + " (the actuator group), asks '" + actual + "'");
        }
    }

    static List<String> resources(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(kind).path(resource).asText("").isEmpty()) {
                            violations.add(id(d) + ": container " + c.path("name").asText() + " has no " + kind + "." + resource);
                        }
                    }
                }
            }
        }
        return violations;
    }

    static List<String> podSecurity(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
                violations.add(id(d) + ": pod securityContext.runAsNonRoot is not true");
            }
            if (!pod.path("securityContext").path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                violations.add(id(d) + ": pod seccompProfile is not RuntimeDefault");
            }
            if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false) || pod.path("hostIPC").asBoolean(false)) {
                violations.add(id(d) + ": shares a host namespace");
            }
            Set<String> emptyDirs = new LinkedHashSet<>();
            list(pod.path("volumes")).stream().filter(v -> v.has("emptyDir")).forEach(v -> emptyDirs.add(v.path("name").asText()));
            for (JsonNode c : containers(d)) {
                String where = id(d) + ": container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(where + " allows privilege escalation");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    violations.add(where + " is privileged");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    violations.add(where + " has a writable root filesystem");
                }
                if (list(sc.path("capabilities").path("drop")).stream().noneMatch(cap -> cap.asText().equals("ALL"))) {
                    violations.add(where + " does not drop ALL capabilities");
                }
                if (!list(sc.path("capabilities").path("add")).isEmpty()) {
                    violations.add(where + " adds capabilities");
                }
                boolean tmp = list(c.path("volumeMounts")).stream()
                        .anyMatch(v -> v.path("mountPath").asText().equals("/tmp") && emptyDirs.contains(v.path("name").asText()));
                if (!tmp) {
                    violations.add(where + " has no emptyDir at /tmp (the JVM and Tomcat write there)");
                }
            }
        }
        return violations;
    }

    static List<String> gracefulShutdown(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                if (!isSuiteService(c)) {
                    continue;
                }
                JsonNode sleep = c.path("lifecycle").path("preStop").path("sleep").path("seconds");
                if (!sleep.isInt() || sleep.asInt() < 1) {
                    violations.add(id(d) + ": no preStop sleep (the pod must leave the endpoints before Spring stops accepting)");
                    continue;
                }
                int needed = sleep.asInt() + SHUTDOWN_PHASE_SECONDS + SHUTDOWN_MARGIN_SECONDS;
                int grace = d.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt(30);
                if (grace < needed) {
                    violations.add(id(d) + ": terminationGracePeriodSeconds " + grace + " < preStop " + sleep.asInt()
                            + " s + graceful shutdown " + SHUTDOWN_PHASE_SECONDS + " s + " + SHUTDOWN_MARGIN_SECONDS + " s");
                }
            }
        }
        return violations;
    }

    /** The replicas a Deployment runs with at least: its own count, or its autoscaler's minimum. */
    static int minReplicas(Manifests m, JsonNode d) {
        return m.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name(d)))
                .map(h -> h.path("spec").path("minReplicas").asInt(1))
                .findFirst().orElse(d.path("spec").path("replicas").asInt(1));
    }

    static List<String> disruptionBudget(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            if (minReplicas(m, d) < 2) {
                continue;
            }
            boolean covered = m.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(p -> selects(p.path("spec").path("selector"), podLabels(d)));
            if (!covered) {
                violations.add(id(d) + ": runs " + minReplicas(m, d) + " replicas without a PodDisruptionBudget");
            }
        }
        return violations;
    }

    static List<String> topologySpread(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            if (minReplicas(m, d) < 2) {
                continue;
            }
            boolean spread = list(d.path("spec").path("template").path("spec").path("topologySpreadConstraints")).stream()
                    .anyMatch(t -> t.path("topologyKey").asText().equals("kubernetes.io/hostname")
                            && selects(t.path("labelSelector"), podLabels(d)));
            if (!spread) {
                violations.add(id(d) + ": replicated but not spread over nodes (topologySpreadConstraints on kubernetes.io/hostname)");
            }
        }
        return violations;
    }

    static List<String> networkPolicy(Manifests m) {
        List<String> violations = new ArrayList<>();
        List<ObjectNode> policies = m.ofKind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && list(p.path("spec").path("policyTypes")).stream().map(JsonNode::asText).collect(Collectors.toSet())
                .containsAll(Set.of("Ingress", "Egress"))
                && p.path("spec").path("ingress").isMissingNode() && p.path("spec").path("egress").isMissingNode());
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        for (ObjectNode d : m.deployments()) {
            boolean selected = policies.stream().anyMatch(p -> !p.path("spec").path("podSelector").isEmpty()
                    && selects(p.path("spec").path("podSelector"), podLabels(d)));
            if (!selected) {
                violations.add(id(d) + ": no NetworkPolicy selects its pods (everything it does is denied)");
            }
        }
        return violations;
    }

    static List<String> topicCatalogue(Manifests m) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> expected = new TreeMap<>();
        for (Topic topic : Topics.all()) {
            expected.put(topic.name(), topic.partitions());
            expected.put(topic.deadLetter().name(), topic.partitions());
        }
        Map<String, Integer> declared = new TreeMap<>();
        for (ObjectNode t : m.ofKind("KafkaTopic")) {
            declared.put(t.path("spec").path("topicName").asText(name(t)), t.path("spec").path("partitions").asInt());
        }
        expected.forEach((topic, partitions) -> {
            if (!declared.containsKey(topic)) {
                violations.add("topic " + topic + " of the catalogue (Topics.java) has no KafkaTopic");
            } else if (!declared.get(topic).equals(partitions)) {
                violations.add("KafkaTopic " + topic + " has " + declared.get(topic) + " partitions, the catalogue says " + partitions);
            }
        });
        declared.keySet().stream().filter(t -> !expected.containsKey(t))
                .forEach(t -> violations.add("KafkaTopic " + t + " is not in the catalogue (Topics.java)"));
        int brokers = m.ofKind("KafkaNodePool").stream()
                .filter(p -> list(p.path("spec").path("roles")).stream().anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        for (ObjectNode t : m.ofKind("KafkaTopic")) {
            int replicas = t.path("spec").path("replicas").asInt();
            if (replicas > brokers) {
                violations.add("KafkaTopic " + name(t) + " wants " + replicas + " replicas, there are " + brokers + " brokers");
            }
        }
        return violations;
    }

    static List<String> environment(Manifests m) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                if (isSuiteService(c)) {
                    String module = imageName(c.path("image").asText());
                    EnvironmentContract.unsatisfied(module, m.environment(c))
                            .forEach(v -> violations.add(id(d) + ": " + v + " is neither set nor defaulted for a cluster"));
                }
            }
        }
        return violations;
    }

    static List<String> images(Manifests m) {
        List<String> violations = new ArrayList<>();
        List<String> built = Modules.imageModules();
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                String image = c.path("image").asText();
                String repository = image.contains("@") ? image.substring(0, image.indexOf('@'))
                        : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(0, image.lastIndexOf(':')) : image;
                boolean tagged = image.contains("@") || image.lastIndexOf(':') > image.lastIndexOf('/');
                if (THIRD_PARTY_IMAGES.contains(repository)) {
                    if (!tagged || image.endsWith(":latest")) {
                        violations.add(id(d) + ": " + image + " is not pinned to a version");
                    }
                    continue;
                }
                String module = imageName(image);
                if (!built.contains(module) || !repository.endsWith("portal/" + module)) {
                    violations.add(id(d) + ": " + image + " is not an image the build makes (portal/<module> of " + built + ")");
                } else if (!module.equals(name(d))) {
                    violations.add(id(d) + ": runs the image of " + module);
                }
                if (!tagged || image.endsWith(":latest")) {
                    violations.add(id(d) + ": " + image + " has no version tag (overlays set one with images:)");
                }
            }
        }
        return violations;
    }

    static List<String> secretsByReference(Manifests m) {
        List<String> violations = new ArrayList<>();
        m.ofKind("Secret").forEach(s -> violations.add(id(s) + ": secrets are referenced, never part of the manifests"));
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                for (JsonNode e : list(c.path("env"))) {
                    if (e.has("value") && SECRET_NAME.matcher(e.path("name").asText()).matches()) {
                        violations.add(id(d) + ": " + e.path("name").asText() + " has a literal value; use secretKeyRef");
                    }
                }
            }
        }
        for (ObjectNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    violations.add(id(cm) + ": " + key + " looks like a secret; use a Secret and secretKeyRef");
                }
            });
        }
        return violations;
    }

    static List<String> databases(Manifests m) {
        List<String> violations = new ArrayList<>();
        Set<String> databases = new LinkedHashSet<>();
        Map<String, JsonNode> roles = new LinkedHashMap<>();
        for (ObjectNode cluster : m.ofKind("Cluster")) {
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            if (initdb.has("database")) {
                databases.add(initdb.path("database").asText());
            }
            list(cluster.path("spec").path("managed").path("roles")).forEach(r -> roles.put(r.path("name").asText(), r));
        }
        m.ofKind("Database").forEach(db -> databases.add(db.path("spec").path("name").asText()));
        for (ObjectNode d : m.deployments()) {
            for (JsonNode c : containers(d)) {
                if (!isSuiteService(c)) {
                    continue;
                }
                String module = imageName(c.path("image").asText());
                String database = configValue(m, c, "PORTAL_DB_NAME");
                if (database == null) {
                    if (Modules.withDependencies(module).contains("platform-outbox")) {
                        violations.add(id(d) + ": has an outbox but no PORTAL_DB_NAME");
                    }
                    continue;
                }
                if (!databases.contains(database)) {
                    violations.add(id(d) + ": database " + database + " is declared by no Cluster bootstrap or Database");
                }
                String secret = list(c.path("env")).stream().filter(e -> e.path("name").asText().equals("PORTAL_DB_PASSWORD"))
                        .map(e -> e.path("valueFrom").path("secretKeyRef").path("name").asText()).findFirst().orElse("");
                JsonNode role = roles.values().stream()
                        .filter(r -> r.path("passwordSecret").path("name").asText().equals(secret)).findFirst().orElse(null);
                if (role == null) {
                    violations.add(id(d) + ": no managed role takes its password from Secret '" + secret + "'");
                } else if (Modules.withDependencies(module).contains("platform-outbox") && !role.path("replication").asBoolean(false)) {
                    violations.add(id(d) + ": role " + role.path("name").asText() + " needs REPLICATION for the outbox relay");
                }
            }
        }
        return violations;
    }

    /** A variable's literal value from the container's env or its ConfigMaps, or null. */
    static String configValue(Manifests m, JsonNode container, String variable) {
        for (JsonNode e : list(container.path("env"))) {
            if (e.path("name").asText().equals(variable) && e.has("value")) {
                return e.path("value").asText();
            }
        }
        for (JsonNode source : list(container.path("envFrom"))) {
            String name = source.path("configMapRef").path("name").asText(null);
            if (name != null) {
                JsonNode value = m.find("ConfigMap", name).map(cm -> cm.path("data").path(variable)).orElse(null);
                if (value != null && !value.isMissingNode()) {
                    return value.asText();
                }
            }
        }
        return null;
    }

    static Map<String, String> labelsOf(JsonNode object) {
        return labels(object);
    }
}
