package dev.portal.gateway.auth;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.EdgeProblems;
import dev.portal.gateway.edge.PathRules;
import dev.portal.platform.security.PortalJwtDecoders;
import dev.portal.platform.security.PortalSecurityProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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

    @Bean
    ReactiveJwtDecoder edgeJwtDecoder(PortalSecurityProperties properties, SessionVersions versions, Clock clock) {
        // platform-security's key source: fetch timeouts, a cache, and at most two refetches per interval for unknown
        // kids; it blocks only while fetching, so it runs off the event loop
        JWKSource<SecurityContext> keys = PortalJwtDecoders.remoteKeys(properties);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono.fromCallable(() ->
                                keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
                        .subscribeOn(Schedulers.boundedElastic()).flatMapMany(Flux::fromIterable))
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(PortalJwtDecoders.ALGORITHMS, new JWKSecurityContextJWKSet())))
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
