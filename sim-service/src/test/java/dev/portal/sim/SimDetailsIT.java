package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's SIMs: WHMCS's SIM services joined with Freebit's lines, and one SIM's details and usage. */
class SimDetailsIT extends SimTestBase {

    @Test
    void lists_only_the_callers_sim_services_each_with_its_line() {
        HttpResponse<String> response = get("/api/sims", AIKO);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sims = json(response);
        assertThat(sims).hasSize(2);
        assertThat(sims.get(0).path("id").asLong()).isEqualTo(AIKO_DATA_SIM);
        assertThat(sims.get(0).path("msisdn").asString()).isEqualTo("08011112222");
        assertThat(sims.get(0).path("line").path("planCode").asString()).isEqualTo("DATA_3GB");
        assertThat(sims.get(0).path("line").path("simType").asString()).isEqualTo("physical");
        assertThat(sims.get(1).path("id").asLong()).isEqualTo(AIKO_ESIM);
        assertThat(sims.get(1).path("line").path("simType").asString()).isEqualTo("esim");
        assertThat(sims.get(1).path("line").path("networkType").asString()).isEqualTo("5G");
    }

    @Test
    void a_customer_without_sim_services_has_an_empty_list() {
        HttpResponse<String> response = get("/api/sims", TARO);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response)).isEmpty();
    }

    @Test
    void shows_a_sims_number_plan_voice_options_network_type_and_current_usage() {
        SANDBOX.admin("POST", "/sandbox/admin/freebit/usage", "{\"account\":\"09012345678\",\"usedMb\":100}");

        HttpResponse<String> response = get("/api/sims/" + HANAKO_SIM, HANAKO);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sim = json(response);
        assertThat(sim.path("msisdn").asString()).isEqualTo("09012345678");
        assertThat(sim.path("product").asString()).isEqualTo("SIM Data+Voice 10GB");
        assertThat(sim.path("status").asString()).isEqualTo("Active");
        JsonNode line = sim.path("line");
        assertThat(line.path("planCode").asString()).isEqualTo("VOICE_10GB");
        assertThat(line.path("networkType").asString()).isEqualTo("4G");
        assertThat(line.path("simType").asString()).isEqualTo("physical");
        assertThat(line.path("voice").asBoolean()).isTrue();
        assertThat(line.path("voiceOptions").path("voiceMail").asBoolean()).isTrue();
        assertThat(line.path("voiceOptions").path("callWaiting").asBoolean()).isFalse();
        JsonNode usage = sim.path("usage");
        assertThat(usage.path("remainingMb").decimalValue()).isEqualByComparingTo("6140.0");
        assertThat(usage.path("todayMb").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(usage.path("thisMonthMb").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("100.0"));
        assertThat(usage.path("days")).isNotEmpty();
    }

    @Test
    void an_account_not_linked_to_a_customer_is_409_account_not_linked() {
        HttpResponse<String> response = get("/api/sims", UNLINKED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("account-not-linked");
    }

    @Test
    void without_a_token_the_sims_are_401() {
        assertThat(get("/api/sims", null).statusCode()).isEqualTo(401);
    }
}
