package dev.portal.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The routes, built from {@link GatewayProperties#routes()}: each service gets its paths, its response timeout,
 * a circuit breaker of its own and retries for safe methods; a streaming route gets none of these.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class RouteConfiguration {

    @Bean
    RouteLocator portalRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.routes().forEach((id, route) -> {
            if (route.uri() == null || route.paths() == null || route.paths().isEmpty()) {
                throw new IllegalStateException("portal.gateway.routes." + id + " needs a uri and paths");
            }
            routes.route(id, spec -> spec.path(route.paths().toArray(String[]::new))
                    .filters(filters -> {
                        if (!route.streaming()) {
                            // outermost: a breaker counts one call per request, however many attempts it took
                            filters.circuitBreaker(config -> config.setName(id));
                            GatewayProperties.Retry retry = properties.retry();
                            filters.retry(config -> config.setRetries(retry.retries())
                                    .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                    .setSeries(HttpStatus.Series.SERVER_ERROR)
                                    .setExceptions(IOException.class, TimeoutException.class)
                                    .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, false));
                        }
                        return filters;
                    })
                    // -1: a stream stays open as long as both ends want it; only the connect timeout applies
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, route.streaming() ? -1L : route.timeout().toMillis())
                    .uri(route.uri()));
        });
        return routes.build();
    }

    /**
     * Breakers count transport failures and timeouts (an answered 5xx is the service's own answer). The time
     * limiter is off: each attempt is bounded by the route's response timeout instead.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakerDefaults(GatewayProperties properties) {
        GatewayProperties.Breaker breaker = properties.breaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(Math.max(1, Math.min(3, breaker.minimumCalls())))
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofDays(1)).build())
                .build());
    }
}
