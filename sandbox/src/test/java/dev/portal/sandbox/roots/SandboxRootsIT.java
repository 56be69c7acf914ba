package dev.portal.sandbox.roots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each HTTP simulator is served at the root of a port of its own, as the real system is at its own host, so a
 * client that resolves root-relative paths against its base URL works; the prefixed paths on the main port stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxRootsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT_CREDENTIALS = "grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret";

    @Value("${local.server.port}")
    int mainPort;
    @Value("${sandbox.roots.salesforce.bound-port}")
    int salesforcePort;
    @Value("${sandbox.roots.whmcs.bound-port}")
    int whmcsPort;
    @Value("${sandbox.roots.freebit.bound-port}")
    int freebitPort;
    @Value("${sandbox.roots.stripe.bound-port}")
    int stripePort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
    private BayeuxClient bayeux;

    @AfterEach
    void stopClients() throws Exception {
        if (bayeux != null) {
            bayeux.disconnect(2000);
        }
        jetty.stop();
        post(URI.create("http://127.0.0.1:" + mainPort + "/sandbox/admin/faults"), "DELETE", null, null);
    }

    @Test
    void a_client_resolving_paths_against_the_root_of_instance_url_reaches_rest_and_cometd() throws Exception {
        JsonNode token = JSON.readTree(form(URI.create("http://127.0.0.1:" + salesforcePort + "/services/oauth2/token"),
                CLIENT_CREDENTIALS).body());
        URI instance = URI.create(token.path("instance_url").asString());
        String authorization = "Bearer " + token.path("access_token").asString();

        assertThat(instance.getPath()).as("a real instance_url has no path: %s", instance).isEmpty();
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(instance.resolve("/services/data/v62.0/query?q="
                        + URLEncoder.encode("SELECT Id FROM Account LIMIT 1", StandardCharsets.UTF_8)))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
        assertThat(JSON.readTree(query.body()).path("totalSize").asInt()).isEqualTo(1);

        // as EMP-Connector does it: new URL(instanceUrl, "/cometd/" + version)
        jetty.start();
        bayeux = new BayeuxClient(instance.resolve("/cometd/62.0").toString(), new JettyHttpClientTransport(new java.util.HashMap<>(), jetty) {
            @Override
            protected void customize(Request request) {
                request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization));
            }
        });
        bayeux.handshake();
        assertThat(bayeux.waitFor(10_000, BayeuxClient.State.CONNECTED)).as("Bayeux handshake and connect at " + instance).isTrue();
    }

    @Test
    void every_http_simulator_answers_at_the_root_of_its_own_port() throws Exception {
        HttpResponse<String> whmcs = form(URI.create("http://127.0.0.1:" + whmcsPort + "/includes/api.php"),
                "action=GetProducts&identifier=sandbox-identifier&secret=sandbox-secret&responsetype=json");
        assertThat(whmcs.body()).contains("\"result\":\"success\"");

        HttpResponse<String> freebit = form(URI.create("http://127.0.0.1:" + freebitPort + "/emptool/api/authOem/"),
                "json=" + URLEncoder.encode("{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}", StandardCharsets.UTF_8));
        assertThat(JSON.readTree(freebit.body()).path("authKey").asString()).isNotBlank();

        HttpResponse<String> stripe = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stripePort + "/v1/customers?limit=1"))
                .header("Authorization", "Bearer sk_test_sandbox").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stripe.statusCode()).as(stripe.body()).isEqualTo(200);
        assertThat(JSON.readTree(stripe.body()).path("object").asString()).isEqualTo("list");
    }

    @Test
    void the_prefixed_paths_on_the_main_port_keep_working_with_a_prefixed_instance_url() throws Exception {
        JsonNode token = JSON.readTree(form(URI.create("http://127.0.0.1:" + mainPort + "/salesforce/services/oauth2/token"),
                CLIENT_CREDENTIALS).body());
        String instance = token.path("instance_url").asString();

        assertThat(instance).isEqualTo("http://127.0.0.1:" + mainPort + "/salesforce");
        HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(instance + "/services/data/v62.0/query?q="
                        + URLEncoder.encode("SELECT Id FROM Account LIMIT 1", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token.path("access_token").asString()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
    }

    @Test
    void a_fault_injected_for_a_system_applies_at_its_root_port_too() throws Exception {
        post(URI.create("http://127.0.0.1:" + mainPort + "/sandbox/admin/faults/whmcs"), "PUT",
                "{\"failure\":\"status\",\"status\":503,\"remaining\":1}", "application/json");

        HttpResponse<String> failed = form(URI.create("http://127.0.0.1:" + whmcsPort + "/includes/api.php"),
                "action=GetProducts&identifier=sandbox-identifier&secret=sandbox-secret&responsetype=json");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("sandbox fault injection");
    }

    @Test
    void a_single_sign_on_link_made_at_the_whmcs_port_stays_at_the_root_of_that_port() throws Exception {
        JsonNode token = JSON.readTree(form(URI.create("http://127.0.0.1:" + whmcsPort + "/includes/api.php"),
                "action=CreateSsoToken&client_id=1&destination=clientarea:invoices&identifier=sandbox-identifier"
                        + "&secret=sandbox-secret&responsetype=json").body());
        String redirect = token.path("redirect_url").asString();
        assertThat(redirect).startsWith("http://127.0.0.1:" + whmcsPort + "/oauth/singlesignon.php?access_token=");

        HttpResponse<String> signedOn = http.send(HttpRequest.newBuilder(URI.create(redirect)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedOn.statusCode()).as(signedOn.body()).isEqualTo(302);
        assertThat(signedOn.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + whmcsPort + "/clientarea.php?action=invoices");
    }

    @Test
    void stripe_bracketed_query_keys_pass_at_its_root_port() throws Exception {
        // as Stripe's SDK sends them: unencoded brackets, which java.net.URI refuses to build, hence a raw request
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", stripePort)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/customers?limit=1&expand[0]=data HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer sk_test_sandbox\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 200 ");
        }
    }

    private HttpResponse<String> form(URI uri, String body) throws Exception {
        return post(uri, "POST", body, "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> post(URI uri, String method, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
