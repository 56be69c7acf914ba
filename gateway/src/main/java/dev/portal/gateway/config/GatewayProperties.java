package dev.portal.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.gateway.*}, checked at start: a missing or malformed setting stops the gateway and the failure names
 * it (a limit without its capacity, a route without its URI).
 *
 * @param routes one entry per service: where it runs, the paths it owns, how long it may take
 * @param publicPaths paths answered without a token: nothing is validated or relayed there (the service decides)
 * @param cors browser origins allowed to call the API with credentials
 * @param retry retries of safe requests (GET, HEAD) after a transport failure or a 5xx
 * @param breaker one circuit breaker per route
 * @param limits per-IP and per-user token buckets (in memory, per instance)
 * @param revocation reading sessions-revoked events
 * @param openapi aggregation of the services' OpenAPI documents
 * @param clients how the client's address is known (for the per-IP limits here and in the services)
 */
@Validated
@ConfigurationProperties("portal.gateway")
public record GatewayProperties(
        @NotEmpty @DefaultValue Map<String, @Valid @NotNull Route> routes,
        @NotNull @DefaultValue({"/api/auth/**", "/.well-known/jwks.json", "/api/stripe/webhooks"}) List<@NotBlank String> publicPaths,
        @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Breaker breaker,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Revocation revocation,
        @Valid @DefaultValue OpenApi openapi,
        @Valid @DefaultValue Clients clients) {

    /**
     * @param uri the service's base URL
     * @param paths path patterns the service owns
     * @param timeout longest wait for the service's response headers (per attempt)
     * @param streaming a long-lived stream (SSE): no response timeout, no retry, no breaker
     */
    public record Route(@NotNull URI uri, @NotEmpty List<@NotBlank String> paths,
                        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration timeout,
                        @DefaultValue("false") boolean streaming) {
    }

    public record Cors(@NotNull @DefaultValue List<@NotBlank String> origins, @NotNull @DefaultValue("30m") Duration maxAge) {
    }

    public record Retry(@Min(0) @DefaultValue("2") int retries,
                        @NotNull @DurationMin(millis = 1) @DefaultValue("50ms") Duration firstBackoff,
                        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration maxBackoff) {
    }

    /**
     * @param failureRate percentage of failed calls in the window that opens the breaker
     * @param window how many recent calls are counted
     * @param minimumCalls calls needed before the rate is judged
     * @param openFor how long an open breaker refuses calls before letting a few through
     */
    public record Breaker(@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @DefaultValue("50") float failureRate,
                          @Min(1) @DefaultValue("20") int window,
                          @Min(1) @DefaultValue("10") int minimumCalls,
                          @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param perIp requests one client address may make
     * @param perUser requests one authenticated user may make (over all their addresses)
     * @param maxTrackedKeys buckets kept in memory; the least recently used are forgotten beyond it
     */
    public record Limits(@DefaultValue("true") boolean enabled,
                         @NotNull @Valid Limit perIp,
                         @NotNull @Valid Limit perUser,
                         @Min(1) @DefaultValue("100000") long maxTrackedKeys) {
    }

    /** {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Limit(@NotNull @Min(1) Long capacity, @NotNull @DurationMin(millis = 1) Duration period) {
    }

    /**
     * The topic and group are the binding's ({@code spring.cloud.stream.bindings.revocations-in-0}).
     *
     * @param enabled  off: no consumer (revoked tokens then live until they expire)
     * @param lookback how far back to read at start; at least the longest access-token lifetime, so every
     *                 revocation that still matters is known
     */
    public record Revocation(@DefaultValue("true") boolean enabled,
                             @NotNull @DefaultValue("30m") Duration lookback) {
    }

    /**
     * @param trustedProxies CIDR ranges of the proxies in front of the gateway (an ingress, a load balancer) whose
     *                       {@code X-Forwarded-For} is believed; empty (the default): the TCP peer is the client and
     *                       whatever {@code X-Forwarded-For} a client sends is replaced
     */
    public record Clients(@NotNull @DefaultValue List<@NotBlank @jakarta.validation.constraints.Pattern(
            regexp = "[0-9A-Fa-f:.]+/[0-9]{1,3}", message = "must be a CIDR range such as 10.0.0.0/8") String> trustedProxies) {
    }

    /** @param timeout how long a service's {@code /v3/api-docs} may take before it is listed as missing */
    public record OpenApi(@NotNull @DurationMin(millis = 1) @DefaultValue("3s") Duration timeout) {
    }
}
