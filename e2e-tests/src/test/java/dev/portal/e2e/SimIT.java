package dev.portal.e2e;

import static dev.portal.e2e.AccountsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * SIM management through the gateway, on the Freebit simulator's clock (sim-service follows it in the local suite):
 * Aiko's SIM details, a top-up now and one on a later day, a plan change from the 1st of next month, a voice option
 * change then a network type change 10 minutes later (409 with Retry-After) and again 31 minutes after the voice
 * change (accepted); another customer's SIM is 404. Runs after the other classes: it moves the simulator's clock
 * forward, and sim-service's clock never runs back.
 */
@Order(100)
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long ESIM = 4;
    private Browser aiko;

    @Test
    @Order(1)
    void aiko_sees_her_sims_and_the_details_of_her_esim_line() {
        aiko = Browser.bearer(Customers.aiko());

        Browser.Response list = aiko.get("/api/sims");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().valueStream().map(s -> s.path("msisdn").asString())).contains("08011112222", "07033334444");

        Browser.Response detail = aiko.get("/api/sims/" + ESIM);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        JsonNode line = detail.json().path("line");
        assertThat(line.path("planCode").asString()).isEqualTo("VOICE_20GB");
        assertThat(line.path("networkType").asString()).isEqualTo("5G");
        assertThat(line.path("simType").asString()).isEqualTo("esim");
        assertThat(detail.json().path("usage").path("remainingMb").isNumber()).isTrue();
    }

    @Test
    @Order(2)
    void a_top_up_now_completes_and_one_on_a_later_day_waits_scheduled() {
        Browser.Response now = aiko.post("/api/sims/" + ESIM + "/top-ups", Map.of("quotaMb", 1000));
        assertThat(now.status()).as(now.toString()).isEqualTo(202);
        String id = now.json().path("id").asString();
        await("the top-up completed").atMost(WAIT).untilAsserted(() -> assertThat(status(id)).isEqualTo("COMPLETED"));

        LocalDate later = today().plusDays(3);
        Browser.Response scheduled = aiko.post("/api/sims/" + ESIM + "/top-ups", Map.of("quotaMb", 500, "date", later.toString()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        assertThat(scheduled.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().path("effectiveDate").asString()).isEqualTo(later.toString());
        assertThat(status(scheduled.json().path("id").asString())).isEqualTo("SCHEDULED");
    }

    @Test
    @Order(3)
    void a_plan_change_takes_effect_on_the_first_of_next_month() {
        Browser.Response plan = aiko.post("/api/sims/" + ESIM + "/plan-change", Map.of("planCode", "VOICE_10GB"));

        assertThat(plan.status()).as(plan.toString()).isEqualTo(202);
        assertThat(plan.json().path("effectiveDate").asString()).isEqualTo(today().withDayOfMonth(1).plusMonths(1).toString());
        String id = plan.json().path("id").asString();
        await("the plan change reserved at Freebit").atMost(WAIT).untilAsserted(() -> assertThat(status(id)).isEqualTo("SUBMITTED"));
    }

    @Test
    @Order(4)
    void a_network_change_ten_minutes_after_a_voice_change_is_409_and_accepted_thirty_one_minutes_after_it() {
        advanceSimulator(31); // the plan change counts toward the interval too
        Browser.Response voice = aiko.put("/api/sims/" + ESIM + "/voice-options", Map.of("callWaiting", true));
        assertThat(voice.status()).as(voice.toString()).isEqualTo(202);
        // the interval counts from the change's submission to Freebit, which the runner makes shortly after the request
        String voiceChange = voice.json().path("id").asString();
        await("the voice change sent").atMost(WAIT).untilAsserted(() -> assertThat(status(voiceChange)).isIn("SUBMITTED", "COMPLETED"));

        advanceSimulator(10);
        Browser.Response tooSoon = aiko.post("/api/sims/" + ESIM + "/network-type", Map.of("networkType", "4G"));

        assertProblem(tooSoon, 409, "change-too-soon");
        long retryAfter = Long.parseLong(tooSoon.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(19 * 60L, 20 * 60L + 30);
        assertThat(Instant.parse(tooSoon.json().path("nextAllowedAt").asString())).isNotNull();

        advanceSimulator(21);
        Browser.Response accepted = aiko.post("/api/sims/" + ESIM + "/network-type", Map.of("networkType", "4G"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(status(voice.json().path("id").asString())).isEqualTo("COMPLETED");
        String network = accepted.json().path("id").asString();
        await("the network change sent").atMost(WAIT).untilAsserted(() -> assertThat(status(network)).isEqualTo("SUBMITTED"));
    }

    @Test
    @Order(5)
    void another_customers_sim_is_404_as_if_it_did_not_exist() {
        Browser jiro = Browser.bearer(Customers.jiro());

        assertProblem(jiro.get("/api/sims/" + ESIM), 404, "sim-not-found");
        assertProblem(jiro.get("/api/sims/" + ESIM + "/operations"), 404, "sim-not-found");
        assertProblem(jiro.post("/api/sims/" + ESIM + "/top-ups", Map.of("quotaMb", 100)), 404, "sim-not-found");
        assertProblem(jiro.get("/api/sims/" + ESIM + "/records"), 404, "sim-not-found");
    }

    private String status(String operationId) {
        Browser.Response history = aiko.get("/api/sims/" + ESIM + "/operations");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.json().valueStream().filter(op -> op.path("id").asString().equals(operationId)).findFirst()
                .map(op -> op.path("status").asString()).orElseThrow(() -> new AssertionError("no operation " + operationId + " in " + history));
    }

    /** Today in Japan on the simulator's clock, which sim-service follows. */
    private static LocalDate today() {
        return Instant.parse(admin("GET", "/sandbox/admin/freebit/clock", null).path("now").asString()).atZone(JAPAN).toLocalDate();
    }

    private static void advanceSimulator(int minutes) {
        admin("POST", "/sandbox/admin/freebit/clock/advance", "{\"minutes\":" + minutes + "}");
    }

    private static JsonNode admin(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSuite.url(8099, path))).timeout(Duration.ofSeconds(15));
            request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
            return Browser.JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }
}
