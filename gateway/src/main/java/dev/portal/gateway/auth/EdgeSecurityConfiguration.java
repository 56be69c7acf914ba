package dev.portal.gateway.auth;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.EdgeProblems;
import dev.portal.gateway.edge.PathRules;
import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Edge authentication: a token on every routed request except the public paths, validated like platform-security
 * validates it in the services (same {@code portal.security.*} settings: JWKS, RS256/ES256 only, issuer, audience,
 * expiry with skew) plus the revocation check. Stateless: no session, no saved request; CSRF and security headers
 * are the gateway's own filters; CORS for the configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PortalSecurityProperties.class)
class EdgeSecurityConfiguration {

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    ReactiveJwtDecoder edgeJwtDecoder(PortalSecurityProperties properties, SessionVersions versions, Clock clock) {
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
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                TokenValidators.notExpired(properties.clockSkew(), clock),
                PortalJwtDecoders.validator(properties),
                TokenValidators.notRevoked(versions)));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, PathRules paths,
                                        EdgeProblems problems, GatewayProperties properties) {
        TokenRejections rejections = new TokenRejections(problems);
        ServerWebExchangeMatcher needsToken = exchange -> paths.needsToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(needsToken).authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new EdgeTokens(paths))
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(rejections)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "The access token does not allow this request.")))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(rejections))
                .build();
    }

    /** Browsers of the configured origins may call with credentials (cookies); preflights are answered here. */
    static CorsConfigurationSource cors(GatewayProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.origins().isEmpty()) {
            return source; // no origin configured: same-origin only, cross-origin preflights are refused
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(settings.origins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-XSRF-TOKEN", "X-Request-Id",
                "traceparent", "tracestate", "Last-Event-ID", "Idempotency-Key"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "Idempotent-Replayed"));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
