package dev.portal.clients.salesforce.streaming;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the Change Data Capture subscriber ({@code portal.clients.salesforce.streaming.*}; each can be set
 * by its environment variable, e.g. {@code PORTAL_CLIENTS_SALESFORCE_STREAMING_API_VERSION}). The org and token come
 * from the Salesforce client's {@code SalesforceAuth}.
 *
 * @param apiVersion       the version in {@code /cometd/<version>} (37.0 or later)
 * @param startPolicy      where a channel starts when no replay id is stored: new events only, or all retained
 * @param connectTimeout   TCP connect timeout
 * @param maxNetworkDelay  how much longer than the server's {@code advice.timeout} a long poll may take (and how long
 *                         a handshake or subscribe may take) before it counts as lost and is retried
 * @param idleTimeout      idle timeout of pooled connections; must exceed the server's 110 s hold
 * @param backoffIncrement added to the wait before each further reconnect attempt
 * @param maxBackoff       longest wait between reconnect attempts
 * @param maxMessageSize   largest {@code /meta/connect} answer accepted; a replay of a backlog comes as one batched
 *                         answer, far above CometD's 1 MiB default. A larger answer fails the connect, and the
 *                         subscriber then handshakes again from the stored replay ids (nothing is lost, but the same
 *                         backlog fails again: keep this above the largest batch the server sends)
 */
@Validated
@ConfigurationProperties("portal.clients.salesforce.streaming")
public record SalesforceStreamingProperties(@Pattern(regexp = "\\d{2,3}\\.0") String apiVersion, ReplayStart startPolicy,
                                            @DurationMin(millis = 1) Duration connectTimeout,
                                            @DurationMin(millis = 1) Duration maxNetworkDelay,
                                            @DurationMin(millis = 1) Duration idleTimeout,
                                            @DurationMin(millis = 1) Duration backoffIncrement,
                                            @DurationMin(millis = 1) Duration maxBackoff, DataSize maxMessageSize) {

    public SalesforceStreamingProperties {
        apiVersion = apiVersion != null ? apiVersion : "62.0";
        startPolicy = startPolicy != null ? startPolicy : ReplayStart.NEW_EVENTS;
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
        maxNetworkDelay = maxNetworkDelay != null ? maxNetworkDelay : Duration.ofSeconds(15);
        idleTimeout = idleTimeout != null ? idleTimeout : Duration.ofSeconds(150);
        backoffIncrement = backoffIncrement != null ? backoffIncrement : Duration.ofSeconds(1);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(30);
        maxMessageSize = maxMessageSize != null ? maxMessageSize : DataSize.ofMegabytes(16);
    }

    @AssertTrue(message = "portal.clients.salesforce.streaming.max-message-size must be between 1KB and 2GB")
    public boolean isMaxMessageSizeInRange() {
        return maxMessageSize.toBytes() >= 1024 && maxMessageSize.toBytes() <= Integer.MAX_VALUE;
    }

    /** The defaults. */
    public static SalesforceStreamingProperties defaults() {
        return new SalesforceStreamingProperties(null, null, null, null, null, null, null, null);
    }

    public SalesforceStreamingProperties withStartPolicy(ReplayStart policy) {
        return new SalesforceStreamingProperties(apiVersion, policy, connectTimeout, maxNetworkDelay, idleTimeout, backoffIncrement, maxBackoff,
                maxMessageSize);
    }

    public SalesforceStreamingProperties withTimeouts(Duration connect, Duration networkDelay, Duration backoff, Duration maxBackoff) {
        return new SalesforceStreamingProperties(apiVersion, startPolicy, connect, networkDelay, idleTimeout, backoff, maxBackoff,
                maxMessageSize);
    }

    public SalesforceStreamingProperties withMaxMessageSize(DataSize size) {
        return new SalesforceStreamingProperties(apiVersion, startPolicy, connectTimeout, maxNetworkDelay, idleTimeout, backoffIncrement,
                maxBackoff, size);
    }
}
