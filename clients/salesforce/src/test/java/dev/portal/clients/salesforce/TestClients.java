package dev.portal.clients.salesforce;

import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.HttpSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Clients wired the way the auto-configuration wires them, for tests. */
final class TestClients {

    static final HttpSettings FAST = HttpSettings.DEFAULTS
            .withReadTimeout(Duration.ofSeconds(5))
            .withRetry(3, Duration.ofMillis(10))
            .withBreaker(50, 4, Duration.ofSeconds(30));

    private TestClients() {
    }

    static SalesforceProperties sandboxCredentials(URI base, HttpSettings http) {
        return SalesforceProperties.clientCredentials(base, "sandbox-client", "sandbox-secret", http);
    }

    static SalesforceClient client(SalesforceProperties properties, MeterRegistry meters) {
        return client(new OAuthSalesforceAuth(properties, http("salesforce-oauth", properties), Clock.systemUTC()), properties, meters);
    }

    static SalesforceClient client(SalesforceAuth auth, SalesforceProperties properties, MeterRegistry meters) {
        return new SalesforceClient(auth, http(SalesforceClient.SYSTEM, properties), properties, meters);
    }

    static ExternalHttp http(String system, SalesforceProperties properties) {
        return new ExternalHttp(system, properties.baseUrl(), properties.http(), RestClient.builder(),
                ExternalCalls.unobserved(system, properties.http()));
    }
}
