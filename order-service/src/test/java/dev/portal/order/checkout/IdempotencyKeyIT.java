package dev.portal.order.checkout;

import static dev.portal.order.checkout.CheckoutRulesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key}: required; the same key and body give the first answer again (and no second order); the
 * same key with another body is refused; concurrent requests with one key place one order.
 */
class IdempotencyKeyIT extends OrderServiceTestBase {

    @Test
    void an_order_without_an_idempotency_key_is_refused() {
        HttpResponse<String> refused = as(Customers.HANAKO).post("/api/orders", items(Pricebook.VPN, 1));

        assertProblem(refused, 400, "idempotency-key-missing");
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).as("only the seeded order").hasSize(1);
    }

    @Test
    void the_same_key_and_body_answer_the_first_answer_again_without_a_second_order() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        HttpResponse<String> again = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        // the same content spelt differently is the same request
        HttpResponse<String> respelt = order(Customers.HANAKO, key,
                "{ \"items\" : [ { \"quantity\" : 1, \"pricebookEntryId\" : \"" + Pricebook.VPN + "\" } ] }");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        for (HttpResponse<String> repeated : List.of(again, respelt)) {
            assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(201);
            assertThat(ApiClient.json(repeated)).isEqualTo(ApiClient.json(first));
            assertThat(repeated.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(2);
    }

    @Test
    void the_first_answer_is_replayed_even_after_the_order_moved_on() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        String id = ApiClient.json(first).path("id").asString();
        jdbc.sql("update orders set status = 'Approved' where id = ?").param(id).update();

        HttpResponse<String> again = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        assertThat(ApiClient.json(again).path("status").asString()).isEqualTo("Pending Review");
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_places_nothing() {
        String key = UUID.randomUUID().toString();
        order(Customers.HANAKO, key, items(Pricebook.VPN, 1));

        HttpResponse<String> otherQuantity = order(Customers.HANAKO, key, items(Pricebook.VPN, 2));
        HttpResponse<String> otherNote = order(Customers.HANAKO, key, withNote(items(Pricebook.VPN, 1), "another"));

        assertProblem(otherQuantity, 422, "idempotency-key-reused");
        assertProblem(otherNote, 422, "idempotency-key-reused");
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(2);
    }

    @Test
    void a_key_belongs_to_its_user_so_another_user_with_the_same_key_places_their_own_order() {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> hanakos = order(Customers.HANAKO, key, items(Pricebook.VPN, 1));
        HttpResponse<String> aikos = order(Customers.AIKO, key, items(Pricebook.VPN, 1));

        assertThat(aikos.statusCode()).as(aikos.body()).isEqualTo(201);
        assertThat(ApiClient.json(aikos).path("id").asString()).isNotEqualTo(ApiClient.json(hanakos).path("id").asString());
        assertThat(salesforceOrdersOf(Customers.AIKO.accountId())).hasSize(1);
    }

    @Test
    void concurrent_requests_with_one_key_place_one_order_the_others_are_told_it_is_in_progress_or_get_its_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        int requests = 6;
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(() -> order(Customers.HANAKO, key, items(Pricebook.SIM_VOICE_10GB, 1)));
        }

        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        }

        List<HttpResponse<String>> created = answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertThat(created).as("at least the first request placed it").isNotEmpty();
        assertThat(created.stream().map(a -> ApiClient.json(a).path("id").asString()).distinct()).hasSize(1);
        assertThat(answers).as("the others").allSatisfy(a -> {
            if (a.statusCode() != 201) {
                assertProblem(a, 409, "idempotency-key-in-use");
            }
        });
        List<JsonNode> placed = salesforceOrdersOf(Customers.HANAKO.accountId());
        assertThat(placed).as("the seeded order and exactly one new one").hasSize(2);
        HttpResponse<String> later = order(Customers.HANAKO, key, items(Pricebook.SIM_VOICE_10GB, 1));
        assertThat(ApiClient.json(later).path("id").asString()).isEqualTo(ApiClient.json(created.getFirst()).path("id").asString());
    }
}
