package dev.portal.platform.security;

import dev.portal.platform.web.Problems;
import dev.portal.platform.web.ProblemsAutoConfiguration;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource-server security for a servlet service: a bearer access token from the identity service on every request,
 * except actuator health/info/prometheus, the OpenAPI document, the service's declared public paths, and paths nothing serves (404).
 * No sessions, no cookies read: the token comes in the {@code Authorization} header only, so CSRF does not apply.
 */
@AutoConfiguration(after = ProblemsAutoConfiguration.class,
        beforeName = {"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PortalSecurityProperties.class)
@EnableWebSecurity
public class PortalSecurityAutoConfiguration {

    /** Probes, metrics and the service's OpenAPI document (the gateway aggregates it) are read without a token. */
    static final String[] ACTUATOR_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder portalJwtDecoder(PortalSecurityProperties properties, ObjectProvider<SessionRevocations> revocations) {
        NimbusJwtDecoder decoder = PortalJwtDecoders.fromJwks(properties);
        // a revoked session's token is refused here as at the gateway (SessionRevocationsAutoConfiguration)
        revocations.ifAvailable(known -> decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(PortalJwtDecoders.validator(properties), known.validator())));
        return decoder;
    }

    @Bean
    SecurityProblemAdvice securityProblemAdvice(Problems problems) {
        return new SecurityProblemAdvice(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentUser currentUser() {
        return new CurrentUser();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, PortalSecurityProperties properties,
                                                  JwtDecoder decoder, Problems problems, ApplicationContext context) throws Exception {
        String[] publicPaths = properties.publicPaths().toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers(HttpMethod.GET, ACTUATOR_PUBLIC).permitAll();
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    requests.requestMatchers(new UnmappedRequestMatcher(context)).permitAll();
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)));
        return http.build();
    }
}
