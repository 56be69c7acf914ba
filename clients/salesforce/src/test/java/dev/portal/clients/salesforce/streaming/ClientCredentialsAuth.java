package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.salesforce.SalesforceAuth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small {@link SalesforceAuth} for these tests: a client-credentials token from the sandbox's token endpoint
 * (the real OAuth implementation lives with the REST client). Counts renewals.
 */
final class ClientCredentialsAuth implements SalesforceAuth {

    private static final Pattern FIELD = Pattern.compile("\"(access_token|instance_url)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI tokenUrl;
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger renewals = new AtomicInteger();
    private Session current;

    ClientCredentialsAuth(URI base) {
        this.tokenUrl = base.resolve("/salesforce/services/oauth2/token");
    }

    @Override
    public synchronized Session current() {
        if (current == null) {
            current = fetch();
        }
        return current;
    }

    @Override
    public synchronized Session renew(Session stale) {
        if (current == null || current.accessToken().equals(stale.accessToken())) {
            renewals.incrementAndGet();
            current = fetch();
        }
        return current;
    }

    private Session fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            String token = null;
            String instance = null;
            Matcher m = FIELD.matcher(response.body());
            while (m.find()) {
                if (m.group(1).equals("access_token")) {
                    token = m.group(2);
                } else {
                    instance = m.group(2);
                }
            }
            tokens.incrementAndGet();
            return new Session(token, URI.create(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
