package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Another customer's SIM is answered as if it did not exist, on every path, and nothing is recorded or sent. */
class AccessIT extends SimTestBase {

    @Test
    void another_customers_sim_id_is_404_on_every_path() {
        String aikosOperation = json(post("/api/sims/" + AIKO_ESIM + "/top-ups", AIKO,
                Map.of("quotaMb", 100, "date", today().plusDays(5).toString()))).path("id").asString();
        String sim = "/api/sims/" + AIKO_ESIM;

        List<Supplier<HttpResponse<String>>> calls = List.of(
                () -> get(sim, HANAKO),
                () -> get(sim + "/operations", HANAKO),
                () -> get(sim + "/usage", HANAKO),
                () -> get(sim + "/records", HANAKO),
                () -> post(sim + "/top-ups", HANAKO, Map.of("quotaMb", 100)),
                () -> post(sim + "/plan-change", HANAKO, Map.of("planCode", "VOICE_10GB")),
                () -> put(sim + "/voice-options", HANAKO, Map.of("voiceMail", false)),
                () -> post(sim + "/network-type", HANAKO, Map.of("networkType", "4G")),
                () -> post(sim + "/cancellation", HANAKO, Map.of("date", today().plusDays(10).toString())),
                () -> post(sim + "/esim-reissue", HANAKO, Map.of("eid", "89049032000000000000000000000099")),
                () -> delete(sim + "/operations/" + aikosOperation, HANAKO));

        for (Supplier<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(problemCode(response)).isEqualTo("sim-not-found");
        }
        assertThat(count("select count(*) from sim_operations")).isEqualTo(1);
        assertThat(status(AIKO_ESIM, AIKO, aikosOperation)).isEqualTo("SCHEDULED");
    }

    @Test
    void another_customers_operation_id_under_ones_own_sim_is_404() {
        String aikosOperation = json(post("/api/sims/" + AIKO_ESIM + "/top-ups", AIKO,
                Map.of("quotaMb", 100, "date", today().plusDays(5).toString()))).path("id").asString();

        HttpResponse<String> response = delete("/api/sims/" + HANAKO_SIM + "/operations/" + aikosOperation, HANAKO);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(problemCode(response)).isEqualTo("operation-not-found");
        assertThat(status(AIKO_ESIM, AIKO, aikosOperation)).isEqualTo("SCHEDULED");
    }

    @Test
    void a_service_that_is_not_a_sim_is_404() {
        HttpResponse<String> response = get("/api/sims/1", HANAKO);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(problemCode(response)).isEqualTo("sim-not-found");
    }
}
