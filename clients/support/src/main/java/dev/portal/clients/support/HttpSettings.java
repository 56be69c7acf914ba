package dev.portal.clients.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * How a client talks to one external system: timeouts on every call, how often a safe call is retried, and
 * when its circuit breaker opens. Nested in each client's {@code @ConfigurationProperties} record as {@code http}
 * (validated there with {@code @Valid}); a value left out takes its default.
 *
 * @param connectTimeout     time to open a connection
 * @param readTimeout        time to wait for a whole answer once the request is sent
 * @param maxAttempts        attempts of a call that is safe to repeat (1 = no retry)
 * @param retryBackoff       first wait between attempts; doubles each time
 * @param breakerFailureRate percentage of failed calls in the window that opens the breaker
 * @param breakerWindow      number of recent calls the failure rate is computed over
 * @param breakerOpenFor     how long an open breaker refuses calls before letting a few through
 */
public record HttpSettings(@DurationMin(millis = 1) Duration connectTimeout, @DurationMin(millis = 1) Duration readTimeout,
                           @Min(1) Integer maxAttempts, @DurationMin(millis = 1) Duration retryBackoff,
                           @Min(1) @Max(100) Integer breakerFailureRate, @Min(1) Integer breakerWindow,
                           @DurationMin(millis = 1) Duration breakerOpenFor) {

    public static final HttpSettings DEFAULTS = new HttpSettings(null, null, null, null, null, null, null);

    public HttpSettings {
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        maxAttempts = maxAttempts != null ? maxAttempts : 3;
        retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMillis(200);
        breakerFailureRate = breakerFailureRate != null ? breakerFailureRate : 50;
        breakerWindow = breakerWindow != null ? breakerWindow : 20;
        breakerOpenFor = breakerOpenFor != null ? breakerOpenFor : Duration.ofSeconds(30);
    }

    public HttpSettings withReadTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxAttempts, retryBackoff, breakerFailureRate, breakerWindow, breakerOpenFor);
    }

    public HttpSettings withRetry(int attempts, Duration backoff) {
        return new HttpSettings(connectTimeout, readTimeout, attempts, backoff, breakerFailureRate, breakerWindow, breakerOpenFor);
    }

    public HttpSettings withBreaker(int failureRate, int window, Duration openFor) {
        return new HttpSettings(connectTimeout, readTimeout, maxAttempts, retryBackoff, failureRate, window, openFor);
    }
}
