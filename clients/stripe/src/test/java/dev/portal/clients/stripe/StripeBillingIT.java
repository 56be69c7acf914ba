package dev.portal.clients.stripe;

import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.HttpSettings;
import dev.portal.sandbox.EmbeddedSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the sandbox's Stripe, seeded as docs/sandbox/stripe.md says. */
class StripeBillingIT {

    static final HttpSettings FAST = HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(5)).withRetry(3, Duration.ofMillis(10));

    private final EmbeddedSandbox sandbox = Sandbox.get();
    private StripeBilling billing;

    static URI apiBase(EmbeddedSandbox sandbox) {
        return sandbox.url("/stripe");
    }

    static StripeBilling billing(EmbeddedSandbox sandbox, String key, HttpSettings http) {
        return new StripeBilling(StripeClientProperties.of(apiBase(sandbox), key, "whsec_sandbox", http),
                ExternalCalls.unobserved("stripe", http));
    }

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.clearFaults();
        billing = billing(sandbox, "sk_test_sandbox", FAST);
    }

    @Test
    void reads_the_seeded_active_subscription_with_its_quota() {
        StripeSubscription sub = billing.subscriptions("cus_sandbox_active").getFirst();

        assertThat(sub.id()).isEqualTo("sub_sandbox_active");
        assertThat(sub.status()).isEqualTo(StripeSubscription.Status.ACTIVE);
        assertThat(sub.items().getFirst().lookupKey()).isEqualTo("wishlist_starter");
        assertThat(sub.currentPeriodEnd()).hasValueSatisfying(end -> assertThat(end).isAfter(sub.items().getFirst().currentPeriodStart()));
        assertThat(billing.quota("sub_sandbox_active")).contains(10);
    }

    @Test
    void lists_canceled_subscriptions_too() {
        assertThat(billing.subscriptions("cus_sandbox_canceled")).extracting(StripeSubscription::status)
                .containsExactly(StripeSubscription.Status.CANCELED);
        assertThat(billing.subscriptions("cus_sandbox_none")).isEmpty();
    }

    @Test
    void a_changed_price_quota_is_read_from_the_price_first() {
        sandbox.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_starter/metadata", "{\"metadata\":{\"wishlist_quota\":\"25\"}}");

        assertThat(billing.quota("sub_sandbox_active")).contains(25);
    }

    @Test
    void without_price_metadata_the_product_quota_applies() {
        sandbox.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_pro/metadata", "{\"metadata\":{\"wishlist_quota\":\"\"}}");

        StripeSubscription sub = billing.subscription("sub_sandbox_pastdue").orElseThrow();

        assertThat(sub.items().getFirst().priceMetadata()).doesNotContainKey("wishlist_quota");
        assertThat(sub.quota("wishlist_quota")).contains(100);
    }

    @Test
    void finds_the_plans_by_lookup_key_with_their_quotas() {
        List<StripePrice> prices = billing.prices(List.of("wishlist_starter", "wishlist_pro"));

        assertThat(prices).extracting(StripePrice::lookupKey).containsExactlyInAnyOrder("wishlist_starter", "wishlist_pro");
        StripePrice pro = prices.stream().filter(p -> p.lookupKey().equals("wishlist_pro")).findFirst().orElseThrow();
        assertThat(pro.productName()).isEqualTo("Wishlist Pro");
        assertThat(pro.unitAmount()).isEqualTo(5000);
        assertThat(pro.currency()).isEqualTo("jpy");
        assertThat(pro.interval()).isEqualTo("month");
        assertThat(pro.quota(billing.quotaMetadataKey())).contains(100);
    }

    @Test
    void past_due_is_reported_as_such() {
        assertThat(billing.subscription("sub_sandbox_pastdue")).hasValueSatisfying(s ->
                assertThat(s.status()).isEqualTo(StripeSubscription.Status.PAST_DUE));
        assertThat(billing.subscription("sub_nope")).isEmpty();
    }

    @Test
    void creates_a_customer_once_per_idempotency_key() {
        NewCustomer jiro = new NewCustomer("jiro@example.jp", "Jiro Kobayashi", Map.of("portal_customer_no", "SF-100005"));

        StripeCustomer first = billing.createCustomer(jiro, "customer-SF-100005");
        StripeCustomer again = billing.createCustomer(jiro, "customer-SF-100005");

        assertThat(first.id()).startsWith("cus_");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(billing.customer(first.id())).hasValueSatisfying(c -> assertThat(c.metadata()).containsEntry("portal_customer_no", "SF-100005"));
    }

    @Test
    void reusing_a_key_for_another_customer_is_an_idempotency_error() {
        billing.createCustomer(new NewCustomer("a@example.jp", null, null), "customer-reused");

        assertThatThrownBy(() -> billing.createCustomer(new NewCustomer("b@example.jp", null, null), "customer-reused"))
                .isInstanceOfSatisfying(StripeApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("idempotency_error");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void unknown_and_deleted_customers_are_empty() throws Exception {
        assertThat(billing.customer("cus_sandbox_none")).isPresent();
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.url("/stripe/v1/customers/cus_sandbox_none"))
                .header("Authorization", "Bearer sk_test_sandbox").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);

        assertThat(billing.customer("cus_sandbox_none")).as("deleted").isEmpty();
        assertThat(billing.customer("cus_nope")).as("never existed").isEmpty();
    }

    @Test
    void lists_active_entitlements() {
        assertThat(billing.activeEntitlements("cus_sandbox_pastdue")).extracting(ActiveEntitlement::lookupKey)
                .containsExactly("wishlists", "wishlist_sharing");
        assertThat(billing.activeEntitlements("cus_sandbox_canceled")).isEmpty();
    }

    @Test
    void a_wrong_key_is_an_authentication_failure() {
        StripeBilling wrongKey = billing(sandbox, "sk_test_wrong", FAST);

        assertThatThrownBy(() -> wrongKey.subscriptions("cus_sandbox_active"))
                .isInstanceOfSatisfying(ExternalAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("Invalid API Key");
    }
}
