package dev.portal.notification.config;

import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import dev.portal.platform.web.Problems;
import dev.portal.platform.web.RequestIds;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet services' resource-server rules (platform-security), on WebFlux: a bearer access token on
 * {@code /api/events}, validated against the identity service's JWKS (RS256/ES256 only, issuer, audience, expiry
 * with skew). Browsers send the session cookie; the gateway relays it as a bearer token. Probes, metrics, the
 * OpenAPI document and paths nothing serves (404) need no token. Stateless: no session, no saved request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PortalSecurityProperties.class)
class SecurityConfiguration {

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    ReactiveJwtDecoder jwtDecoder(PortalSecurityProperties properties) {
        if (properties.jwksUri() == null) {
            throw new IllegalStateException("portal.security.jwks-uri (PORTAL_SECURITY_JWKS_URI) must be set");
        }
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_TIMEOUT.toMillis())
                .responseTimeout(JWKS_TIMEOUT);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        decoder.setJwtValidator(PortalJwtDecoders.validator(properties));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Problems problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/events").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint((exchange, failure) -> unauthenticated(exchange, problems))
                        .accessDeniedHandler((exchange, denied) -> write(exchange, problems, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "The access token does not allow this request.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, failure) -> unauthenticated(exchange, problems))
                        .accessDeniedHandler((exchange, denied) -> write(exchange, problems, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "The access token does not allow this request.")))
                .build();
    }

    // the reason (expired, bad signature, ...) is not told: it would help an attacker more than a client
    private static Mono<Void> unauthenticated(ServerWebExchange exchange, Problems problems) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return write(exchange, problems, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid access token is required.");
    }

    private static Mono<Void> write(ServerWebExchange exchange, Problems problems, HttpStatus status, String code,
                                    String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = problems.create(status, code, title, detail);
        problems.withCorrelation(problem, exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(Problems.asJson(problem)));
        return response.writeWith(Mono.just(body));
    }
}
