package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each operation with the timing the portal gives it, carried out by Freebit and tracked to its end. */
class OperationTimingIT extends SimTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_top_up_now_is_sent_at_once_and_completes_with_the_quota_added() {
        long before = freebitLine("09012345678").path("remainingKb").asLong();

        HttpResponse<String> response = post("/api/sims/" + HANAKO_SIM + "/top-ups", HANAKO, Map.of("quotaMb", 1000));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode op = json(response);
        assertThat(op.path("kind").asString()).isEqualTo("top-up");
        assertThat(op.path("status").asString()).isEqualTo("REQUESTED");
        String id = op.path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("09012345678").path("remainingKb").asLong()).isEqualTo(before + 1000 * 1024);
        assertThat(count("select count(*) from outbox where event_type = 'portal.notification.published.v1'")).isEqualTo(1);
    }

    @Test
    void a_top_up_on_a_day_waits_for_that_day_and_is_sent_when_the_clock_reaches_it() {
        LocalDate today = today();
        long before = freebitLine("09012345678").path("remainingKb").asLong();

        HttpResponse<String> response = post("/api/sims/" + HANAKO_SIM + "/top-ups", HANAKO,
                Map.of("quotaMb", 500, "date", today.plusDays(2).toString()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode op = json(response);
        assertThat(op.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(op.path("effectiveDate").asString()).isEqualTo(today.plusDays(2).toString());
        assertThat(Instant.parse(op.path("scheduledFor").asString())).isEqualTo(today.plusDays(2).atStartOfDay(JAPAN).toInstant());
        String id = op.path("id").asString();

        advance(Duration.ofDays(1));
        assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("SCHEDULED");

        setClock(today.plusDays(2).atStartOfDay(JAPAN).toInstant().plusSeconds(60));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("09012345678").path("remainingKb").asLong()).isEqualTo(before + 500 * 1024);
    }

    @Test
    void a_scheduled_operation_is_listed_and_can_be_cancelled_before_it_runs_and_then_never_runs() {
        LocalDate today = today();
        long before = freebitLine("09012345678").path("remainingKb").asLong();
        String id = json(post("/api/sims/" + HANAKO_SIM + "/top-ups", HANAKO, Map.of("quotaMb", 700, "date", today.plusDays(1).toString())))
                .path("id").asString();

        HttpResponse<String> cancelled = delete("/api/sims/" + HANAKO_SIM + "/operations/" + id, HANAKO);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        setClock(today.plusDays(1).atStartOfDay(JAPAN).toInstant().plusSeconds(60));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("CANCELLED");
            assertThat(freebitLine("09012345678").path("remainingKb").asLong()).isEqualTo(before);
        });
        HttpResponse<String> again = delete("/api/sims/" + HANAKO_SIM + "/operations/" + id, HANAKO);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemCode(again)).isEqualTo("operation-not-cancellable");
    }

    @Test
    void a_plan_change_is_reserved_for_the_first_of_next_month_and_completes_on_that_day() {
        LocalDate firstOfNextMonth = today().withDayOfMonth(1).plusMonths(1);

        HttpResponse<String> response = post("/api/sims/" + HANAKO_SIM + "/plan-change", HANAKO, Map.of("planCode", "VOICE_20GB"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode op = json(response);
        assertThat(op.path("effectiveDate").asString()).isEqualTo(firstOfNextMonth.toString());
        String id = op.path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("SUBMITTED"));
        JsonNode reserved = freebitLine("09012345678").path("pending");
        assertThat(reserved).singleElement().satisfies(order -> {
            assertThat(order.path("order").asString()).isEqualTo("changePlan");
            assertThat(Instant.parse(order.path("dueAt").asString())).isEqualTo(firstOfNextMonth.atStartOfDay(JAPAN).toInstant());
        });

        setClock(firstOfNextMonth.atStartOfDay(JAPAN).toInstant().plusSeconds(60));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, id)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("09012345678").path("planCode").asString()).isEqualTo("VOICE_20GB");
    }

    @Test
    void a_network_change_ten_minutes_after_a_voice_change_is_409_with_retry_after_and_accepted_after_thirty_one() {
        String voice = json(put("/api/sims/" + HANAKO_SIM + "/voice-options", HANAKO, Map.of("callWaiting", true))).path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, voice)).isEqualTo("SUBMITTED"));

        advance(Duration.ofMinutes(10));
        HttpResponse<String> tooSoon = post("/api/sims/" + HANAKO_SIM + "/network-type", HANAKO, Map.of("networkType", "5G"));

        assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(409);
        assertThat(problemCode(tooSoon)).isEqualTo("change-too-soon");
        long retryAfter = Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(19 * 60L, 20 * 60L + 5);
        Instant nextAllowed = Instant.parse(json(tooSoon).path("nextAllowedAt").asString());
        assertThat(count("select count(*) from sim_operations where kind = 'NETWORK_TYPE'")).isZero();

        advance(Duration.ofMinutes(21));
        HttpResponse<String> accepted = post("/api/sims/" + HANAKO_SIM + "/network-type", HANAKO, Map.of("networkType", "5G"));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Instant.parse(json(accepted).path("requestedAt").asString())).isAfterOrEqualTo(nextAllowed);
        assertThat(status(HANAKO_SIM, HANAKO, voice)).isEqualTo("COMPLETED");
        String network = json(accepted).path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, network)).isEqualTo("SUBMITTED"));
        advance(Duration.ofMinutes(31));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(HANAKO_SIM, HANAKO, network)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("09012345678").path("contractLine").asString()).isEqualTo("5G");
    }

    @Test
    void a_cancellation_is_sent_on_its_day_and_completes_when_freebit_has_cancelled_the_line() {
        LocalDate day = today().plusDays(3);

        HttpResponse<String> response = post("/api/sims/" + AIKO_DATA_SIM + "/cancellation", AIKO, Map.of("date", day.toString()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).path("id").asString();
        assertThat(json(response).path("status").asString()).isEqualTo("SCHEDULED");
        setClock(day.atStartOfDay(JAPAN).toInstant().plusSeconds(30));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_DATA_SIM, AIKO, id)).isEqualTo("SUBMITTED"));
        advance(Duration.ofMinutes(11));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_DATA_SIM, AIKO, id)).isEqualTo("COMPLETED"));
    }

    @Test
    void an_esim_reissue_moves_the_profile_to_the_new_device() {
        String eid = "89049032000000000000000000000099";

        HttpResponse<String> response = post("/api/sims/" + AIKO_ESIM + "/esim-reissue", AIKO, Map.of("eid", eid));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_ESIM, AIKO, id)).isEqualTo("SUBMITTED"));
        advance(Duration.ofMinutes(11));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(AIKO_ESIM, AIKO, id)).isEqualTo("COMPLETED"));
        assertThat(freebitLine("07033334444").path("eid").asString()).isEqualTo(eid);
    }

    @Test
    void a_change_that_does_not_apply_to_the_line_is_refused_before_anything_is_recorded() {
        HttpResponse<String> samePlan = post("/api/sims/" + HANAKO_SIM + "/plan-change", HANAKO, Map.of("planCode", "VOICE_10GB"));
        HttpResponse<String> noVoice = put("/api/sims/" + AIKO_DATA_SIM + "/voice-options", AIKO, Map.of("voiceMail", true));
        HttpResponse<String> notEsim = post("/api/sims/" + HANAKO_SIM + "/esim-reissue", HANAKO, Map.of("eid", "89049032000000000000000000000099"));
        HttpResponse<String> pastDay = post("/api/sims/" + HANAKO_SIM + "/cancellation", HANAKO, Map.of("date", today().toString()));
        HttpResponse<String> badType = post("/api/sims/" + HANAKO_SIM + "/network-type", HANAKO, Map.of("networkType", "3G"));

        assertThat(samePlan.statusCode()).isEqualTo(422);
        assertThat(problemCode(samePlan)).isEqualTo("change-not-needed");
        assertThat(problemCode(noVoice)).isEqualTo("voice-not-available");
        assertThat(problemCode(notEsim)).isEqualTo("esim-required");
        assertThat(problemCode(pastDay)).isEqualTo("date-out-of-range");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(problemCode(badType)).isEqualTo("validation-failed");
        assertThat(count("select count(*) from sim_operations")).isZero();
    }
}
