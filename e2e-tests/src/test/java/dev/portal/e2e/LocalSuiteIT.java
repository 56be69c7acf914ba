package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-command local suite from a cold start: every process ready, the gateway routing to a service, and
 * Ctrl-C leaving no process and no port behind.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SuiteExtension.class)
class LocalSuiteIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_suite_starts_serves_through_the_gateway_and_ctrl_c_leaves_nothing_running(RunningSuite suite) throws Exception {
        List<Long> pids;
        {
            pids = suite.pids();
            assertThat(pids).as("postgres, kafka and 12 services in the ready table").hasSize(14);

            HttpResponse<String> gatewayReady = get(RunningSuite.url(8080, "/actuator/health/readiness"));
            assertThat(gatewayReady.statusCode()).isEqualTo(200);
            HttpResponse<String> jwks = get(RunningSuite.url(8080, "/.well-known/jwks.json"));
            assertThat(jwks.statusCode()).as("identity's JWKS, through the gateway").isEqualTo(200);
            assertThat(jwks.body()).contains("\"kty\":\"RSA\"");
            HttpResponse<String> refused = get(RunningSuite.url(8080, "/api/catalog/products/no-such-product"));
            assertThat(refused.statusCode()).as("no token, refused at the edge").isEqualTo(401);
            JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
            assertThat(problem.path("code").asString()).isEqualTo("unauthenticated");
            HttpResponse<String> identityReady = get(RunningSuite.url(8081, "/actuator/health/readiness"));
            assertThat(identityReady.body()).contains("\"outbox\"").contains("\"kafka\"").contains("\"migrations\"");

            HttpResponse<String> whmcs = http.send(HttpRequest.newBuilder(URI.create(RunningSuite.url(8099, "/whmcs/includes/api.php")))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString("action=GetProducts&identifier=sandbox-identifier&secret=sandbox-secret&responsetype=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(whmcs.body()).as("the sandbox's WHMCS, seeded").contains("\"result\":\"success\"").contains("Hikari FTTH 1G");
            assertThat(listening(2222 + RunningSuite.PORT_OFFSET)).as("sandbox SFTP drop").isTrue();
            assertThat(listening(2525 + RunningSuite.PORT_OFFSET)).as("sandbox SMTP sink").isTrue();

            int exit = suite.interrupt(Duration.ofSeconds(90));

            assertThat(exit).as("exit code after Ctrl-C").isEqualTo(130);
            assertThat(suite.output()).contains("stopped; nothing left running");
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d after Ctrl-C", pid).isEmpty());
        for (int port : List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8089, 8090, 8099, 2222, 2525, 9092, 5432)) {
            assertThat(listening(port + RunningSuite.PORT_OFFSET)).as("port %d after Ctrl-C", port + RunningSuite.PORT_OFFSET).isFalse();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
