package dev.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-command local suite: a second launcher on a running suite's directory or ports refuses to start, every
 * process of a cold start is ready, the gateway routes to a service, Ctrl-C leaves no process and no port behind,
 * and a restart on the same directory begins from the seed again (a customer of the first run signs up anew).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSuiteIT {

    private static final List<Integer> SUITE_PORTS = List.of(8080, 8180, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8089,
            8090, 8095, 8096, 8097, 8098, 8099, 2222, 2525, 9092, 19093, 5432);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void a_second_launcher_on_the_running_suites_directory_says_so_and_leaves_the_suite_alone(RunningSuite suite) throws Exception {
        try (RunningSuite second = RunningSuite.start(suite.runDirectory)) {
            int exit = second.awaitExit(Duration.ofSeconds(90));

            assertThat(exit).as(String.join("\n", second.output())).isEqualTo(1);
            assertThat(second.output()).anySatisfy(line -> assertThat(line).contains("a suite is already running from " + suite.runDirectory));
        }
        assertThat(suite.pids()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d of the running suite", pid).isPresent());
        assertThat(get(RunningSuite.url(8080, "/api/catalog/products/x")).statusCode()).as("the gateway still answers").isEqualTo(401);
    }

    @Test
    @Order(2)
    void a_launcher_whose_ports_another_process_holds_names_them_and_exits_before_starting_anything(RunningSuite suite) throws Exception {
        Path elsewhere = suite.runDirectory.resolveSibling(suite.runDirectory.getFileName() + "-second");
        try (RunningSuite second = RunningSuite.start(elsewhere)) {
            int exit = second.awaitExit(Duration.ofSeconds(90));

            String output = String.join("\n", second.output());
            assertThat(exit).as(output).isEqualTo(1);
            assertThat(output).contains((9092 + RunningSuite.PORT_OFFSET) + " (kafka)")
                    .contains((19093 + RunningSuite.PORT_OFFSET) + " (kafka controller)")
                    .contains((8080 + RunningSuite.PORT_OFFSET) + " (gateway)").contains("already in use")
                    .doesNotContain("ready after");
        }
    }

    @Test
    @Order(3)
    void the_suite_starts_serves_through_the_gateway_and_ctrl_c_leaves_nothing_running(RunningSuite suite) throws Exception {
        List<Long> pids;
        {
            pids = suite.pids();
            assertThat(pids).as("postgres, kafka and 13 services (notification-service twice) in the ready table").hasSize(15);

            HttpResponse<String> gatewayReady = get(RunningSuite.url(8180, "/actuator/health/readiness"));
            assertThat(gatewayReady.statusCode()).as("the gateway's operators' port").isEqualTo(200);
            assertThat(get(RunningSuite.url(8080, "/actuator/health")).statusCode()).as("not on its public port").isEqualTo(404);
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
            // a customer of this run, whom the restart below must not contradict
            assertThat(Customers.jiro()).isNotBlank();
            assertThat(Customers.aiko()).isNotBlank();

            int exit = suite.interrupt(Duration.ofSeconds(90));

            assertThat(exit).as("exit code after Ctrl-C").isEqualTo(130);
            assertThat(suite.output()).contains("stopped; nothing left running");
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d after Ctrl-C", pid).isEmpty());
        for (int port : SUITE_PORTS) {
            assertThat(listening(port + RunningSuite.PORT_OFFSET)).as("port %d after Ctrl-C", port + RunningSuite.PORT_OFFSET).isFalse();
        }
    }

    @Test
    @Order(4)
    void a_restarted_suite_begins_from_the_seed_so_the_same_customers_sign_up_and_link_again(RunningSuite stopped) throws Exception {
        try (RunningSuite restarted = RunningSuite.start(stopped.runDirectory)) {
            restarted.awaitReady(Duration.ofMinutes(6));

            Browser.Response oldLogin = new Browser().post("/api/auth/login",
                    Map.of("email", Customers.JIRO_EMAIL, "password", Customers.JIRO_PASSWORD));
            assertThat(oldLogin.status()).as("users of the earlier run are gone with the sandbox's records: %s", oldLogin).isEqualTo(401);
            Map<String, Object> jiro = Customers.jiroSignup("SF-100005", Customers.JIRO_EMAIL);
            jiro.put("ownershipCode", Customers.ownershipCode("SF-100005", Customers.JIRO_EMAIL));
            Browser.Response signup = new Browser().post("/api/auth/signup", jiro);
            assertThat(signup.status()).as("the same customer signs up again: %s", signup).isEqualTo(201);
            Browser.Response link = new Browser().post("/api/auth/link", Customers.aikoLink("Sandbox-Pass-1"));
            assertThat(link.status()).as("another customer links her WHMCS client again: %s", link).isEqualTo(201);

            assertThat(restarted.interrupt(Duration.ofSeconds(90))).isEqualTo(130);
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
