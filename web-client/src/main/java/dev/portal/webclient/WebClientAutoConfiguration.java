package dev.portal.webclient;

import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the browser client from the application that depends on this jar (the gateway), so that pages and
 * {@code /api/**} share one origin: HttpOnly cookies and the CSRF cookie work without CORS. Nothing here touches
 * {@code /api/**}; switch it off with {@code portal.web-client.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "portal.web-client", name = "enabled", matchIfMissing = true)
public class WebClientAutoConfiguration {

    @Bean
    ClientAssets webClientAssets() throws IOException {
        return ClientAssets.fromClasspath();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> webClientRoutes(ClientAssets assets) {
        return new ClientRoutes(assets).routes();
    }
}
