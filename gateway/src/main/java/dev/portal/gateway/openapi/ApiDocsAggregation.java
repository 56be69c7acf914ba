package dev.portal.gateway.openapi;

import dev.portal.gateway.config.GatewayProperties;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole API, merged from each service's own
 * {@code /v3/api-docs}, fetched in parallel. A service that does not answer within the timeout (or answers
 * something that is not an OpenAPI document) is left out and named under {@code x-missing}, so the document is
 * never blocked by one service.
 */
@RestController
class ApiDocsAggregation {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsAggregation.class);

    private final Map<String, URI> services = new TreeMap<>();
    private final Duration timeout;
    private final WebClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiDocsAggregation(GatewayProperties properties) {
        properties.routes().forEach((id, route) -> services.putIfAbsent(id, route.uri()));
        this.timeout = properties.openapi().timeout();
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .responseTimeout(timeout);
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> aggregate() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> fetch(service.getKey(), service.getValue())
                        .map(document -> Map.entry(service.getKey(), document)))
                .collectList()
                .map(documents -> json.writeValueAsString(merge(documents)));
    }

    private Mono<Optional<JsonNode>> fetch(String name, URI base) {
        return http.get().uri(base.resolve("/v3/api-docs")).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .map(body -> Optional.of(json.readTree(body)))
                .filter(document -> document.get().path("paths").isObject())
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(e -> {
                    log.debug("no OpenAPI document from {}: {}", name, e.toString());
                    return Mono.just(Optional.empty());
                });
    }

    /** Paths, tags and components by service name; on a clash the alphabetically first service's definition wins. */
    ObjectNode merge(List<Map.Entry<String, Optional<JsonNode>>> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", "Portal API").put("version", "1")
                .put("description", "Every service's API as served through the gateway.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        List<String> missing = new ArrayList<>();
        List<String> seenTags = new ArrayList<>();
        for (Map.Entry<String, Optional<JsonNode>> entry : documents) {
            if (entry.getValue().isEmpty()) {
                missing.add(entry.getKey());
                continue;
            }
            JsonNode document = entry.getValue().get();
            document.path("paths").properties().forEach(path -> {
                if (!paths.has(path.getKey())) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components").properties().forEach(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                section.getValue().properties().forEach(item -> {
                    if (!target.has(item.getKey())) {
                        target.set(item.getKey(), item.getValue());
                    }
                });
            });
            for (JsonNode tag : document.path("tags")) {
                String name = tag.path("name").asString("");
                if (!seenTags.contains(name)) {
                    seenTags.add(name);
                    tags.add(tag);
                }
            }
        }
        ArrayNode missingNode = merged.putArray("x-missing");
        missing.forEach(missingNode::add);
        return merged;
    }
}
