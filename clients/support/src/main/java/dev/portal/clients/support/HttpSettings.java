package dev.portal.clients.support;

import java.time.Duration;

/**
 * How a client talks to one external system: timeouts on every call, how often a safe call is retried, and
 * when its circuit breaker opens. Nested in each client's {@code @ConfigurationProperties} record as {@code http}.
 *
 * @param connectTimeout     time to open a connection
 * @param readTimeout        time to wait for a whole answer once the request is sent
 * @param maxAttempts        attempts of a call that is safe to repeat (1 = no retry)
 * @param retryBackoff       first wait between attempts; doubles each time
 * @param breakerFailureRate percentage of failed calls in the window that opens the breaker
 * @param breakerWindow      number of recent calls the failure rate is computed over
 * @param breakerOpenFor     how long an open breaker refuses calls before letting a few through
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration retryBackoff,
                           Integer breakerFailureRate, Integer breakerWindow, Duration breakerOpenFor) {

    public static final HttpSettings DEFAULTS = new HttpSettings(null, null, null, null, null, null, null);

    public HttpSettings {
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        maxAttempts = maxAttempts != null ? maxAttempts : 3;
        retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMillis(200);
        breakerFailureRate = breakerFailureRate != null ? breakerFailureRate : 50;
        breakerWindow = breakerWindow != null ? breakerWindow : 20;
        breakerOpenFor = breakerOpenFor != null ? breakerOpenFor : Duration.ofSeconds(30);
        if (retryBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("retryBackoff must be at least 1 ms, was " + retryBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (breakerFailureRate < 1 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breakerFailureRate must be 1..100, was " + breakerFailureRate);
        }
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
