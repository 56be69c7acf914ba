package dev.portal.sandbox.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults injected through the admin API reach requests of the named system only, as configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaultInjectionIT {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void clear() throws Exception {
        send("DELETE", "/sandbox/admin/faults", null);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusFaultAnswersAnHtmlErrorPageForTheNextRequestsOnly() throws Exception {
        assertThat(send("PUT", "/sandbox/admin/faults/whmcs", "{\"failure\":\"status\",\"status\":502,\"remaining\":2}").statusCode()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = send("POST", "/whmcs/includes/api.php", "");
            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(failed.body()).contains("502 Bad Gateway");
        }
        assertThat(send("POST", "/whmcs/includes/api.php", "").statusCode()).as("third request is past 'remaining'").isNotEqualTo(502);
        assertThat(send("GET", "/sandbox/admin/faults", null).body()).isEqualTo("{}");
    }

    @Test
    void faultAffectsOnlyItsSystem() throws Exception {
        send("PUT", "/sandbox/admin/faults/stripe", "{\"failure\":\"status\"}");

        assertThat(send("GET", "/stripe/v1/customers", null).statusCode()).isEqualTo(503);
        assertThat(send("GET", "/freebit/emptool/api/authOem/", null).statusCode()).isNotEqualTo(503);
    }

    @Test
    void latencyDelaysEveryRequest() throws Exception {
        send("PUT", "/sandbox/admin/faults/freebit", "{\"latencyMs\":400}");

        long start = System.nanoTime();
        send("POST", "/freebit/emptool/api/authOem/", "");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aLatencyRangeDelaysEachRequestByADrawWithinIt() throws Exception {
        send("PUT", "/sandbox/admin/faults/whmcs", "{\"latencyMs\":100,\"latencyMaxMs\":300}");

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            send("POST", "/whmcs/includes/api.php", "");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(100), Duration.ofMillis(2_000));
        }
        assertThat(send("GET", "/sandbox/admin/faults", null).body()).contains("\"latencyMaxMs\":300");
    }

    @Test
    void hangOutlastsAClientTimeout() throws Exception {
        send("PUT", "/sandbox/admin/faults/salesforce", "{\"failure\":\"hang\",\"hangMs\":3000}");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/salesforce/services/data/v62.0/"))
                .timeout(Duration.ofMillis(300)).GET().build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void dropClosesTheConnectionMidAnswer() throws Exception {
        send("PUT", "/sandbox/admin/faults/whmcs", "{\"failure\":\"drop\"}");

        assertThatThrownBy(() -> send("POST", "/whmcs/includes/api.php", "")).isInstanceOf(IOException.class);
    }

    @Test
    void unknownSystemAndInvalidFaultAreProblems() throws Exception {
        HttpResponse<String> unknown = send("PUT", "/sandbox/admin/faults/paypal", "{\"latencyMs\":1}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown-system\"");

        HttpResponse<String> invalid = send("PUT", "/sandbox/admin/faults/whmcs", "{\"rate\":2.5}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send("GET", "/sandbox/admin/faults", null).body()).isEqualTo("{}");
    }
}
