package dev.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Upstream failures as problems: 504 on timeout, 503 when refused or when the breaker is open, 502 when the service
 * breaks off; safe requests are retried, unsafe ones never.
 */
class ResilienceIT extends GatewayTestBase {

    @Test
    void a_service_that_does_not_answer_in_time_is_504() {
        HttpResponse<String> response = send(request("/api/orders/slow").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + TOKENS.valid("user-slow")));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(code(response)).isEqualTo("upstream-timeout");
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void a_service_that_breaks_off_is_502() {
        HttpResponse<String> response = send(request("/api/invoices/drop").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + TOKENS.valid("user-drop")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(code(response)).isEqualTo("upstream-failed");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void get_is_retried_but_post_is_not() {
        String token = TOKENS.valid("user-retry");

        HttpResponse<String> get = getWithToken("/api/invoices/get/unstable", token);
        HttpResponse<String> post = send(request("/api/invoices/post/unstable").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + token));

        assertThat(get.statusCode()).as("the service's last answer").isEqualTo(503);
        assertThat(BILLING.hits("/api/invoices/get/unstable")).as("first attempt + 2 retries").isEqualTo(3);
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(BILLING.hits("/api/invoices/post/unstable")).isEqualTo(1);
    }

    @Test
    void a_get_that_breaks_off_is_retried() {
        HttpResponse<String> response = getWithToken("/api/invoices/get/drop", TOKENS.valid("user-drop-get"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(BILLING.hits("/api/invoices/get/drop")).isEqualTo(3);
    }

    @Test
    void the_breaker_opens_after_repeated_failures_and_spares_the_service() {
        String token = TOKENS.valid("user-breaker");
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        while (statuses.size() < 10 && !statuses.contains(503)) {
            statuses.add(send(request("/api/sims/drop").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Authorization", "Bearer " + token)).statusCode());
        }
        assertThat(statuses).as("failures until the breaker opens").endsWith(503).contains(502);
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(502);
        int hitsWhenOpened = SIM.hits("/api/sims/drop");

        HttpResponse<String> refused = send(request("/api/sims/drop").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> otherPath = getWithToken("/api/sims/1", token);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(code(refused)).isEqualTo("upstream-unavailable");
        assertThat(otherPath.statusCode()).as("the breaker is per service").isEqualTo(503);
        assertThat(SIM.hits("/api/sims/drop")).isEqualTo(hitsWhenOpened);
        assertThat(SIM.hits("/api/sims/1")).isZero();
        assertThat(getWithToken("/api/catalog/still-fine", token).statusCode()).isEqualTo(200);
    }
}
