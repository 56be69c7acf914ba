package dev.portal.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

class ClientRoutesTest {

    private static final ClientAssets ASSETS = load();

    /** The gateway's API policy, set when the response commits, as its security-header filter does. */
    private static final WebFilter API_POLICY = (exchange, chain) -> {
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            return Mono.empty();
        });
        return chain.filter(exchange);
    };

    private final WebTestClient client = WebTestClient.bindToRouterFunction(new ClientRoutes(ASSETS).routes())
            .webFilter(API_POLICY).build();

    @Test
    void a_page_navigation_gets_the_shell_uncached_with_the_page_policy_and_versioned_assets() {
        String body = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectHeader().valueEquals("Content-Security-Policy", ClientRoutes.PAGE_POLICY)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("src=\"/app/" + ASSETS.version() + "/main.js\"").doesNotContain(ClientAssets.PLACEHOLDER);
    }

    @Test
    void every_route_of_the_client_is_a_page_including_those_with_parameters_and_queries() {
        for (String path : new String[] {"/login", "/reset-password?token=abc", "/groups/12", "/wishlists/home-network", "/catalog?category=sim"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        }
    }

    @Test
    void an_unknown_page_gets_the_shell_with_404_so_the_client_says_not_found() {
        client.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("main.js"));
    }

    @Test
    void api_paths_and_requests_that_do_not_ask_for_html_are_left_to_the_application() {
        client.get().uri("/api/me").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound().expectBody().isEmpty();
        client.get().uri("/login").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound().expectBody().isEmpty();
        client.get().uri("/login").accept(MediaType.ALL).exchange()
                .expectStatus().isNotFound().expectBody().isEmpty();
        client.post().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound().expectBody().isEmpty();
    }

    @Test
    void assets_of_this_version_are_immutable_and_other_versions_are_not_served() {
        client.get().uri("/app/" + ASSETS.version() + "/main.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=31536000").contains("immutable"))
                .expectHeader().value("Content-Type", value -> assertThat(value).contains("javascript"));
        client.get().uri("/app/" + ASSETS.version() + "/routes.json").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        client.get().uri("/app/000000000000/main.js").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
        client.get().uri("/app/" + ASSETS.version() + "/../index.html").exchange().expectStatus().isNotFound();
    }

    @Test
    void the_version_is_a_hash_of_the_assets_and_the_page_paths_come_from_the_clients_route_table() {
        assertThat(ASSETS.version()).matches("[0-9a-f]{12}");
        assertThat(ASSETS.pagePatterns()).contains("/", "/login", "/reset-password", "/groups/{id}", "/wishlists/{slug}");
    }

    private static ClientAssets load() {
        try {
            return ClientAssets.fromClasspath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
