package dev.portal.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates objects against the API they claim. Kubernetes and Prometheus Operator kinds: fabric8's model (generated
 * from the Kubernetes OpenAPI and the operator's CRDs); Strimzi kinds: Strimzi's own model, from which its CRDs are
 * generated. Both keep fields they do not know in "additional properties": any such field is reported, as are wrong
 * types and malformed quantities. CloudNativePG and External Secrets (no Java model published): the JSON schemas
 * under src/test/resources/schemas. A kind with neither is an error, so nothing passes unchecked.
 */
final class SchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /** The problems of one object, each naming the object and the field; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String id = type + " " + Manifests.name(object);
        List<String> problems = new ArrayList<>();
        if (Manifests.name(object).isEmpty()) {
            problems.add(id + ": metadata.name is missing");
        }
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                Object parsed = MAPPER.treeToValue(object, model);
                walk(parsed, "", id, problems);
            } catch (Exception e) {
                problems.add(id + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
            }
            return problems;
        }
        Path schemaFile = Path.of("src/test/resources/schemas", type.replace('/', '_') + ".yaml");
        if (!Files.exists(schemaFile)) {
            problems.add(id + ": no schema for " + type + " (add a model to SchemaValidator.MODELS or a schema file)");
            return problems;
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, t -> {
            try {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(Manifests.YAML.readTree(schemaFile.toFile()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        schema.validate(object).forEach(m -> problems.add(id + ": " + m.getMessage()));
        return problems;
    }

    /** Reports the unknown fields (kept as additional properties) and bad quantities anywhere in a parsed model. */
    private static void walk(Object value, String path, String id, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, id, problems));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", id, problems);
            }
            return;
        }
        String className = value.getClass().getName();
        if (!className.startsWith("io.fabric8.") && !className.startsWith("io.strimzi.")) {
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                problems.add(id + ": " + path + " is not a quantity: '" + quantity + "'");
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(id + ": unknown field(s) " + unknown.keySet() + " at " + (path.isEmpty() ? "the top" : path.substring(1)));
                }
            } else if (child != value) {
                walk(child, path + "." + property, id, problems);
            }
        }
    }
}
