package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.salesforce.SalesforceAuth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.client.HttpClient;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Starts {@link ChangeEventSubscriber}s that share one Jetty HTTP client and the configured settings, and stops them
 * on {@link #close()}. Each subscriber reports {@code portal.clients.salesforce.streaming.connected{channels}} (1 or 0).
 */
public final class SalesforceStreaming implements AutoCloseable {

    private final Supplier<SalesforceAuth> auth;
    private final SalesforceStreamingProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<ChangeEventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private HttpClient http;

    public SalesforceStreaming(Supplier<SalesforceAuth> auth, SalesforceStreamingProperties settings, MeterRegistry meters, Clock clock) {
        this.auth = auth;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    public SalesforceStreamingProperties settings() {
        return settings;
    }

    /** Subscribes to {@code channels} in the background; events go to {@code listener}, replay ids come from {@code store}. */
    public synchronized ChangeEventSubscriber subscribe(List<String> channels, ReplayIdStore store, ChangeEventListener listener) {
        if (http == null) {
            http = ChangeEventSubscriber.newHttpClient(settings);
        }
        ChangeEventSubscriber subscriber = new ChangeEventSubscriber(auth.get(), settings, channels, store, listener, http, clock);
        subscribers.add(subscriber);
        if (meters != null) {
            Gauge.builder("portal.clients.salesforce.streaming.connected", subscriber, s -> s.health().connected() ? 1 : 0)
                    .tag("channels", String.join(",", channels))
                    .description("1 while the Change Data Capture subscription is connected")
                    .register(meters);
        }
        subscriber.start();
        return subscriber;
    }

    @Override
    public synchronized void close() {
        subscribers.forEach(ChangeEventSubscriber::close);
        subscribers.clear();
        if (http != null) {
            try {
                http.stop();
            } catch (Exception e) {
                // stopping is best effort at shutdown
            }
            http = null;
        }
    }
}
