package dev.portal.order.checkout;

import static dev.portal.order.checkout.CheckoutRulesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * WHMCS or Salesforce failing during checkout: the caller gets 503/504, nothing is half-created, and the same key
 * places the order once the system is back. A Salesforce create whose answer is lost is settled by its reference:
 * never a second order.
 */
class CheckoutOutageIT extends OrderServiceTestBase {

    @Test
    void whmcs_away_is_503_with_nothing_created_and_the_same_key_orders_once_it_is_back() {
        String key = UUID.randomUUID().toString();
        SANDBOX.fault("whmcs", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> away = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        SANDBOX.clearFaults();
        HttpResponse<String> back = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        assertProblem(away, 503, "upstream-unavailable");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).as("the seeded order and the one placed once WHMCS was back").hasSize(2);
    }

    @Test
    void salesforce_away_is_503_with_nothing_created() {
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> away = order(Customers.HANAKO, items(Pricebook.VPN, 1));
        SANDBOX.clearFaults();

        assertProblem(away, 503, "upstream-unavailable");
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from checkouts").query(Long.class).single()).as("the key is free again").isZero();
    }

    @Test
    void a_create_refused_with_an_error_page_created_nothing_so_the_same_key_places_the_order_at_once() {
        String key = UUID.randomUUID().toString();
        salesforceFaults.onNext("/composite", "{\"failure\":\"status\",\"status\":503,\"remaining\":1}");

        HttpResponse<String> refused = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        HttpResponse<String> retried = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        assertProblem(refused, 503, "upstream-unavailable");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(2);
    }

    @Test
    void a_create_answered_too_late_is_504_and_the_same_key_then_answers_that_very_order_never_a_second() {
        String key = UUID.randomUUID().toString();
        // Salesforce takes the create 6 s after it was sent; the service gives up waiting after 5 s
        salesforceFaults.onNext("/composite", "{\"latencyMs\":6000,\"remaining\":1}");

        HttpResponse<String> timedOut = order(Customers.HANAKO, key, items(Pricebook.SIM_VOICE_10GB, 1));

        assertProblem(timedOut, 504, "upstream-timeout");
        AtomicReference<HttpResponse<String>> settled = new AtomicReference<>();
        await("the order settled by its reference").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> retried = order(Customers.HANAKO, key, items(Pricebook.SIM_VOICE_10GB, 1));
            if (retried.statusCode() != 201) {
                assertProblem(retried, 409, "idempotency-key-in-use");
                return false;
            }
            settled.set(retried);
            return true;
        });
        List<JsonNode> placed = salesforceOrdersOf(Customers.HANAKO.accountId());
        assertThat(placed).as("the seeded order and the late one, nothing more").hasSize(2);
        assertThat(ApiClient.json(settled.get()).path("id").asString()).isEqualTo(placed.get(1).path("Id").asString());
        assertThat(ApiClient.json(settled.get()).path("items")).hasSize(1);
    }

    @Test
    void a_create_whose_connection_dropped_is_settled_after_the_wait_by_placing_the_order_once() {
        String key = UUID.randomUUID().toString();
        // the connection drops before Salesforce saw the request: the service cannot know that, so it is in doubt
        salesforceFaults.onNext("/composite", "{\"failure\":\"drop\",\"remaining\":1}");

        HttpResponse<String> dropped = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        HttpResponse<String> tooSoon = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        assertProblem(dropped, 503, "upstream-unavailable");
        assertProblem(tooSoon, 409, "idempotency-key-in-use");
        AtomicReference<HttpResponse<String>> placed = new AtomicReference<>();
        await("placed once the wait is over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> retried = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
            placed.set(retried);
            return retried.statusCode() == 201;
        });
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(2);
    }

    @Test
    void a_checkout_in_doubt_keeps_its_key_while_salesforce_cannot_say_whether_its_order_exists() {
        String key = UUID.randomUUID().toString();
        salesforceFaults.onNext("/composite", "{\"failure\":\"drop\",\"remaining\":1}");
        assertProblem(order(Customers.HANAKO, key, items(Pricebook.VPN, 1)), 503, "upstream-unavailable");
        await("the wait is over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.sql("select count(*) from checkouts where status = 'IN_DOUBT' and lease_until < now()").query(Long.class).single() == 1);
        SANDBOX.fault("salesforce", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> cannotTell = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        SANDBOX.clearFaults();

        assertProblem(cannotTell, 503, "upstream-unavailable");
        assertThat(jdbc.sql("select status from checkouts").query(String.class).list()).as("the key is still held").containsExactly("IN_DOUBT");
        await("placed once Salesforce answers").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                order(Customers.HANAKO, key, items(Pricebook.VPN, 1)).statusCode() == 201);
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(2);
    }
}
