package dev.portal.gateway.edge;

import dev.portal.gateway.config.GatewayProperties;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests need a token: those routed to a service, except the public paths. Paths nothing is routed to
 * (actuator probes, the aggregated OpenAPI document, unknown paths) are the gateway's own and need none, so an
 * unknown path answers 404 with or without a token, as in the services.
 */
@Component
public class PathRules {

    private final List<PathPattern> routed;
    private final List<PathPattern> publicPaths;

    public PathRules(GatewayProperties properties) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.routed = properties.routes().values().stream().flatMap(route -> route.paths().stream()).map(parser::parse).toList();
        this.publicPaths = properties.publicPaths().stream().map(parser::parse).toList();
    }

    public boolean isPublic(ServerWebExchange exchange) {
        return matches(publicPaths, exchange);
    }

    public boolean needsToken(ServerWebExchange exchange) {
        return matches(routed, exchange) && !isPublic(exchange);
    }

    private static boolean matches(List<PathPattern> patterns, ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
