package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.freebit.ContractLine;
import dev.portal.clients.freebit.FreebitClient;
import dev.portal.clients.freebit.PlanChange;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Freebit failing mid-operation and the service dying mid-operation: an operation ends once, with a reason when it
 * fails, and nothing is sent to Freebit twice.
 */
class OperationFailuresIT extends SimTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired FreebitClient freebit;

    @Test
    void a_change_freebit_refuses_fails_with_the_reason_and_is_not_sent_again() {
        // a plan change made outside the portal starts Freebit's own 30 minutes, which the portal does not know of
        freebit.changePlan(new PlanChange("09012345678", "VOICE_20GB", false, null));

        HttpResponse<String> response = put("/api/sims/" + HANAKO_SIM + "/voice-options", HANAKO, Map.of("callWaiting", true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("FAILED"));
        assertThat(operation(HANAKO_SIM, HANAKO, id).path("reason").asString())
                .isEqualTo("Freebit requires 30 minutes between plan, voice option and network type changes.");
        assertThat(count("select count(*) from scheduled_tasks where task_instance = ?", id)).isZero();
        assertThat(freebitLine("09012345678").path("talkOption").path("callWaiting").asString()).isEqualTo("20");
        assertThat(count("select count(*) from outbox where event_type = 'portal.sim.operation-failed.v1'")).isEqualTo(1);
    }

    @Test
    void freebit_failing_while_a_change_is_sent_fails_it_after_reading_the_line_and_sends_nothing_again() {
        scheduler.pause();
        String id = json(put("/api/sims/" + HANAKO_SIM + "/voice-options", HANAKO, Map.of("callWaiting", true))).path("id").asString();
        SANDBOX.fault("freebit", "{\"failure\":\"status\",\"status\":503,\"remaining\":1}");

        scheduler.resume();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("FAILED"));
        JsonNode op = operation(HANAKO_SIM, HANAKO, id);
        assertThat(op.path("reason").asString()).isEqualTo("Freebit did not confirm the request; nothing was changed. Please try again.");
        assertThat(op.has("submittedAt")).isFalse();
        JsonNode line = freebitLine("09012345678");
        assertThat(line.path("pending")).isEmpty();
        assertThat(line.path("completed")).isEmpty();
        assertThat(count("select count(*) from scheduled_tasks where task_instance = ?", id)).isZero();
    }

    @Test
    void an_operation_submitted_before_a_restart_completes_exactly_once_after_it() {
        scheduler.pause();
        ConfigurableApplicationContext before = replica();
        String id = json(put(portOf(before), "/api/sims/" + HANAKO_SIM + "/voice-options", HANAKO, Map.of("callWaiting", true)))
                .path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("SUBMITTED"));

        before.close();
        advance(Duration.ofMinutes(6));
        replica();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("COMPLETED"));
        assertThat(count("select count(*) from outbox where event_type = 'portal.sim.operation-completed.v1'")).isEqualTo(1);
        assertThat(count("""
                select count(*) from outbox where event_type = 'portal.notification.published.v1'
                and payload::text like '%COMPLETED%'""")).isEqualTo(1);
        assertThat(freebitLine("09012345678").path("completed")).singleElement()
                .satisfies(order -> assertThat(order.path("order").asString()).isEqualTo("talkOptionChange"));
    }

    @Test
    void a_change_freebit_took_just_before_a_crash_is_found_on_the_line_and_not_sent_again() {
        scheduler.pause();
        String id = json(post("/api/sims/" + AIKO_ESIM + "/network-type", AIKO, Map.of("networkType", "4G"))).path("id").asString();
        // the crash: the instance marked it as being sent, Freebit took it, and the instance died before recording that
        jdbc.sql("update sim_operations set status = 'SUBMITTING' where id = ?::uuid").param(id).update();
        freebit.changeContractLine("07033334444", ContractLine.LTE_4G);

        scheduler.resume();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_ESIM, AIKO, id)).isEqualTo("SUBMITTED"));
        advance(Duration.ofMinutes(31));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_ESIM, AIKO, id)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("07033334444").path("completed")).singleElement()
                .satisfies(order -> assertThat(order.path("order").asString()).isEqualTo("contractLineChange"));
    }
}
