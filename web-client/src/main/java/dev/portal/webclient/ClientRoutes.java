package dev.portal.webclient;

import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Two routes. Assets under {@code /app/<version>/}: immutable, cached for a year (a new build is a new version).
 * Page navigations (GET asking for {@code text/html}, outside the API and the assets): the shell, uncached, 200 for a
 * path the client knows and 404 for any other, so the client renders its "not found" page with an honest status.
 * Requests that do not ask for HTML fall through untouched: API clients keep getting problem+json everywhere.
 */
final class ClientRoutes {

    /**
     * The page policy: the shell's own scripts, styles and API calls only. It replaces the gateway's API policy
     * ({@code default-src 'none'}, set when the response commits) on the shell alone, by running after it.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final List<String> NOT_PAGES = List.of("/api/", "/app/", "/actuator", "/v3/", "/.well-known/");

    private final ClientAssets assets;
    private final List<PathPattern> pages;

    ClientRoutes(ClientAssets assets) {
        this.assets = assets;
        this.pages = assets.pagePatterns().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    RouterFunction<ServerResponse> routes() {
        String assetPath = ClientAssets.assetPath(assets.version());
        CacheControl forever = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        return RouterFunctions.resources(assetPath + "/**", new ClassPathResource(ClientAssets.ROOT + "app/"),
                        (resource, headers) -> headers.setCacheControl(forever))
                .and(RouterFunctions.route(navigation(), this::shell));
    }

    private static RequestPredicate navigation() {
        return request -> request.method().name().equals("GET")
                && NOT_PAGES.stream().noneMatch(prefix -> request.path().startsWith(prefix))
                && request.headers().accept().stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }

    private Mono<ServerResponse> shell(ServerRequest request) {
        PathContainer path = request.requestPath().pathWithinApplication();
        boolean known = pages.stream().anyMatch(pattern -> pattern.matches(path));
        request.exchange().getResponse().beforeCommit(() -> {
            request.exchange().getResponse().getHeaders().set("Content-Security-Policy", PAGE_POLICY);
            return Mono.empty();
        });
        return ServerResponse.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .bodyValue(assets.shell());
    }
}
