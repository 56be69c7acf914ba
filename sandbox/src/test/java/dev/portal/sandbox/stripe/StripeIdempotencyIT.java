package dev.portal.sandbox.stripe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on POST behaves as Stripe documents it. */
class StripeIdempotencyIT extends StripeHttp {

    @Test
    void the_first_result_is_replayed_for_the_same_key() {
        Answer first = post("/v1/customers", "email=once%40example.jp", "key-replay");
        Answer again = post("/v1/customers", "email=once%40example.jp", "key-replay");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Original-Request")).isEqualTo(first.header("Request-Id"));
        assertThat(get("/v1/customers?email=once%40example.jp").body().get("data")).as("one customer created").hasSize(1);
    }

    @Test
    void a_key_reused_with_other_parameters_is_an_idempotency_error() {
        post("/v1/customers", "email=a%40example.jp", "key-mismatch");

        Answer other = post("/v1/customers", "email=b%40example.jp", "key-mismatch");

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().get("error").get("type").asString()).isEqualTo("idempotency_error");
    }

    @Test
    void a_5xx_result_is_saved_and_replayed() {
        admin("PUT", "/sandbox/admin/stripe/api-behaviour", "{\"errorStatus\":500,\"remaining\":1}");

        Answer failed = post("/v1/customers", "email=flaky%40example.jp", "key-5xx");
        Answer replayed = post("/v1/customers", "email=flaky%40example.jp", "key-5xx");
        Answer fresh = post("/v1/customers", "email=flaky%40example.jp", "key-5xx-new");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().get("error").get("type").asString()).isEqualTo("api_error");
        assertThat(replayed.status()).isEqualTo(500);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fresh.status()).as("a new key executes again").isEqualTo(200);
    }

    @Test
    void a_key_in_use_by_a_running_request_is_a_409() {
        admin("PUT", "/sandbox/admin/stripe/api-behaviour", "{\"delayMs\":1500,\"remaining\":1}");

        List<Answer> answers;
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Answer> one = CompletableFuture.supplyAsync(() -> post("/v1/customers", "email=slow%40example.jp", "key-busy"), both);
            CompletableFuture<Answer> two = CompletableFuture.supplyAsync(() -> post("/v1/customers", "email=slow%40example.jp", "key-busy"), both);
            answers = List.of(one.join(), two.join());
        }
        assertThat(answers).extracting(Answer::status).as("the request that found the key in use").containsExactlyInAnyOrder(200, 409);
        Answer conflict = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.body().get("error").get("code").asString()).isEqualTo("idempotency_key_in_use");
    }

    @Test
    void a_rate_limited_request_is_not_saved() {
        admin("PUT", "/sandbox/admin/stripe/api-behaviour", "{\"errorStatus\":429,\"remaining\":1}");

        Answer limited = post("/v1/customers", "email=busy%40example.jp", "key-429");
        Answer retried = post("/v1/customers", "email=busy%40example.jp", "key-429");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("error").get("code").asString()).isEqualTo("rate_limit");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void nothing_is_saved_when_validation_fails_first() {
        Answer invalid = post("/v1/subscriptions", "customer=cus_sandbox_none", "key-validation");
        Answer valid = post("/v1/subscriptions", "customer=cus_sandbox_none&items[0][price]=price_sandbox_wishlist_starter", "key-validation");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).as("the key was not spent on the invalid request").isEqualTo(200);
    }

}
