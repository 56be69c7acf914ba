package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway is the one process on the internet: its health details, metrics and dead-letter replay are served
 * on the operators' port only. On the public port they do not exist, with a token or without.
 */
class OperatorEndpointsIT extends GatewayTestBase {

    @Test
    void health_details_metrics_and_dead_letter_replay_are_not_served_on_the_internet_facing_port() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/deadletters", "/actuator/info", "/actuator/env", "/actuator/sagas")) {
            HttpResponse<String> anonymous = get(path);
            HttpResponse<String> withToken = getWithToken(path, TOKENS.valid("user-operator-probe"));

            assertThat(anonymous.statusCode()).as("GET %s on the public port: %s", path, anonymous.body()).isEqualTo(404);
            assertThat(withToken.statusCode()).as("GET %s with a user's token", path).isEqualTo(404);
            assertThat(anonymous.body()).doesNotContain("\"components\"").doesNotContain("jvm_");
        }
        HttpResponse<String> replay = send(request("/actuator/deadletters/identity.user.events.dlt/replay")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(replay.statusCode()).as("replay on the public port: %s", replay.body()).isIn(403, 404);
    }

    @Test
    void operators_find_them_on_the_management_port() {
        assertThat(management("/actuator/health").body()).contains("\"components\"");
        assertThat(management("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
