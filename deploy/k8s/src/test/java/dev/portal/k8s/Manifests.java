package dev.portal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** A rendered set of Kubernetes objects, with the look-ups the checks need. */
record Manifests(List<ObjectNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifests parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode node : (Iterable<JsonNode>) () -> {
                try {
                    return YAML.readValues(parser, JsonNode.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) {
                if (node instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(objects));
    }

    /** A fixture: plain YAML documents under src/test/resources/fixtures, not rendered. */
    static Manifests fixture(String name) {
        return parse(Repository.read(Path.of("src/test/resources/fixtures", name)));
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return kind(object) + "/" + name(object);
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    List<ObjectNode> deployments() {
        return ofKind("Deployment");
    }

    static Map<String, String> labels(JsonNode metadataOwner) {
        Map<String, String> labels = new LinkedHashMap<>();
        metadataOwner.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static List<JsonNode> containers(JsonNode deployment) {
        return list(deployment.path("spec").path("template").path("spec").path("containers"));
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The module an image of the suite is built from: "registry/portal/gateway:1.0" -> "gateway". */
    static String imageName(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String last = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        return last.contains(":") ? last.substring(0, last.indexOf(':')) : last;
    }

    /** Every environment variable a container gets: its env entries and the keys of the ConfigMaps it loads. */
    Set<String> environment(JsonNode container) {
        Set<String> names = new LinkedHashSet<>();
        list(container.path("env")).forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode source : list(container.path("envFrom"))) {
            String configMap = source.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                find("ConfigMap", configMap).ifPresent(c -> c.path("data").fieldNames().forEachRemaining(names::add));
            }
        }
        return names;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects the given labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : list(selector.path("matchExpressions"))) {
            String key = expression.path("key").asText();
            Set<String> values = new LinkedHashSet<>();
            list(expression.path("values")).forEach(v -> values.add(v.asText()));
            boolean matched = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return labels(deployment.path("spec").path("template"));
    }
}
