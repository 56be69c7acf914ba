package dev.portal.catalog;

import dev.portal.platform.security.test.TestTokens;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.sandbox.EmbeddedSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the catalogue's tests share: the in-process sandbox, a JWKS serving test tokens, the settings that point a
 * catalogue at them, and catalogue instances started as contexts of their own (two instances = two contexts).
 */
public final class CatalogFixture implements AutoCloseable {

    public static final String PORTAL_PRICEBOOK = "01sSb0000000002IAA";
    public static final EmbeddedSandbox SANDBOX = EmbeddedSandbox.get();
    public static final TestTokens TOKENS = TestTokens.start();
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** The settings of a catalogue against the sandbox, the per-JVM Kafka broker and the test JWKS. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("portal.catalog.pricebook-id", PORTAL_PRICEBOOK);
        settings.put("portal.security.jwks-uri", TOKENS.jwksUri().toString());
        settings.put("portal.clients.salesforce.base-url", SANDBOX.baseUrl() + "/salesforce");
        settings.put("portal.clients.salesforce.client-id", "sandbox-client");
        settings.put("portal.clients.salesforce.client-secret", "sandbox-secret");
        settings.put("portal.clients.salesforce.http.retry-backoff", "10ms");
        settings.put("portal.clients.whmcs.base-url", SANDBOX.baseUrl() + "/whmcs");
        settings.put("portal.clients.whmcs.identifier", "sandbox-identifier");
        settings.put("portal.clients.whmcs.secret", "sandbox-secret");
        settings.put("portal.clients.whmcs.http.retry-backoff", "10ms");
        return settings;
    }

    /** Starts a catalogue instance; {@code overrides} are {@code key=value} settings (an empty value removes one). */
    public ConfigurableApplicationContext start(String... overrides) {
        Map<String, String> properties = new LinkedHashMap<>(settings());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        for (String override : overrides) {
            int eq = override.indexOf('=');
            properties.put(override.substring(0, eq), override.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    /** A token of a portal user linked to WHMCS client {@code whmcsClientId} (null: not linked). */
    public static String token(Integer whmcsClientId) {
        return TOKENS.token("user-" + whmcsClientId, claims -> claims.claim("whmcs_client_id", whmcsClientId));
    }

    public static HttpResponse<String> get(int port, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(ConfigurableApplicationContext context, String path, String bearer) {
        return get(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), path, bearer);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The listed price of {@code productId} as {@code context} serves it to a SIM holder (null when not listed). */
    public static String price(ConfigurableApplicationContext context, String productId) {
        HttpResponse<String> response = get(context, "/api/catalog", token(1));
        if (response.statusCode() != 200) {
            return null;
        }
        for (JsonNode product : json(response).path("products")) {
            if (product.path("id").asString().equals(productId)) {
                return product.path("price").path("amount").asString();
            }
        }
        return null;
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
        SANDBOX.clearFaults();
    }
}
