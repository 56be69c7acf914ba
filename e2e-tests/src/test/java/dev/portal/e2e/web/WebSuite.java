package dev.portal.e2e.web;

import dev.portal.e2e.RunningSuite;
import dev.portal.e2e.SuiteExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The running suite the browser tests drive: the one {@link SuiteExtension} starts for the whole e2e run, or, with
 * {@code PORTAL_E2E_ATTACH=true}, one already running on {@code PORTAL_E2E_PORT_OFFSET} (a developer's
 * {@code ./portal up}), so that a change to a page can be checked without starting fourteen JVMs again.
 */
public final class WebSuite implements BeforeAllCallback {

    static final boolean ATTACH = Boolean.parseBoolean(System.getenv().getOrDefault("PORTAL_E2E_ATTACH", "false"));

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!ATTACH) {
            new SuiteExtension().beforeAll(context);
            return;
        }
        HttpResponse<Void> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RunningSuite.url(8180, "/actuator/health/readiness")))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (probe.statusCode() != 200) {
            throw new AssertionError("PORTAL_E2E_ATTACH: no ready gateway at " + gateway("/"));
        }
    }

    static String gateway(String path) {
        return RunningSuite.url(8080, path);
    }

    static String sandbox(String path) {
        return RunningSuite.url(8099, path);
    }
}
