package dev.portal.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.gateway.*}
 *
 * @param routes one entry per service: where it runs, the paths it owns, how long it may take
 * @param publicPaths paths answered without a token: nothing is validated or relayed there (the service decides)
 * @param cors browser origins allowed to call the API with credentials
 * @param retry retries of safe requests (GET, HEAD) after a transport failure or a 5xx
 * @param breaker one circuit breaker per route
 * @param limits per-IP and per-user token buckets (in memory, per instance)
 * @param revocation reading sessions-revoked events
 * @param openapi aggregation of the services' OpenAPI documents
 */
@ConfigurationProperties("portal.gateway")
public record GatewayProperties(
        @DefaultValue Map<String, Route> routes,
        @DefaultValue({"/api/auth/**", "/.well-known/jwks.json", "/api/stripe/webhooks"}) List<String> publicPaths,
        @DefaultValue Cors cors,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue Limits limits,
        @DefaultValue Revocation revocation,
        @DefaultValue OpenApi openapi) {

    /**
     * @param uri the service's base URL
     * @param paths path patterns the service owns
     * @param timeout longest wait for the service's response headers (per attempt)
     * @param streaming a long-lived stream (SSE): no response timeout, no retry, no breaker
     */
    public record Route(URI uri, List<String> paths, @DefaultValue("10s") Duration timeout,
                        @DefaultValue("false") boolean streaming) {
    }

    public record Cors(@DefaultValue List<String> origins, @DefaultValue("30m") Duration maxAge) {
    }

    public record Retry(@DefaultValue("2") int retries, @DefaultValue("50ms") Duration firstBackoff,
                        @DefaultValue("500ms") Duration maxBackoff) {
    }

    /**
     * @param failureRate percentage of failed calls in the window that opens the breaker
     * @param window how many recent calls are counted
     * @param minimumCalls calls needed before the rate is judged
     * @param openFor how long an open breaker refuses calls before letting a few through
     */
    public record Breaker(@DefaultValue("50") float failureRate, @DefaultValue("20") int window,
                          @DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param perIp requests one client address may make
     * @param perUser requests one authenticated user may make (over all their addresses)
     * @param maxTrackedKeys buckets kept in memory; the least recently used are forgotten beyond it
     */
    public record Limits(@DefaultValue("true") boolean enabled,
                         Limit perIp,
                         Limit perUser,
                         @DefaultValue("100000") long maxTrackedKeys) {
    }

    /** {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Limit(long capacity, Duration period) {
    }

    /**
     * The topic and group are the binding's ({@code spring.cloud.stream.bindings.revocations-in-0}).
     *
     * @param enabled  off: no consumer (revoked tokens then live until they expire)
     * @param lookback how far back to read at start; at least the longest access-token lifetime, so every
     *                 revocation that still matters is known
     */
    public record Revocation(@DefaultValue("true") boolean enabled,
                             @DefaultValue("30m") Duration lookback) {
    }

    /** @param timeout how long a service's {@code /v3/api-docs} may take before it is listed as missing */
    public record OpenApi(@DefaultValue("3s") Duration timeout) {
    }
}
