package dev.portal.sandbox.stripe;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's resources, written the way Stripe's API reference shows them, answer in Stripe's shapes. */
class StripeApiIT extends StripeHttp {

    @Test
    void refuses_a_missing_or_wrong_key_with_a_stripe_error() {
        Answer wrong = send(request("/v1/customers").header("Authorization", "Bearer sk_test_wrong").GET());
        Answer none = send(request("/v1/customers").GET());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.raw().body()).isEqualTo("{\"error\":{\"message\":\"Invalid API Key provided: sk_test_***\",\"type\":\"invalid_request_error\"}}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("error").get("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void accepts_the_key_as_basic_auth_user_name() {
        String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));

        Answer answer = send(request("/v1/customers/cus_sandbox_active").header("Authorization", "Basic " + basic).GET());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("object").asString()).isEqualTo("customer");
    }

    @Test
    void creates_a_customer_from_a_form_with_bracketed_metadata() {
        Answer created = send(form("/v1/customers", "email=jiro%40example.jp&name=Jiro+Kobayashi&metadata%5Bportal_customer_no%5D=SF-100005")
                .header("Authorization", "Bearer " + KEY).header("Stripe-Version", "2025-03-31.basil"));

        assertThat(created.status()).isEqualTo(200);
        JsonNode customer = created.body();
        assertThat(customer.get("id").asString()).startsWith("cus_");
        assertThat(customer.get("object").asString()).isEqualTo("customer");
        assertThat(customer.get("email").asString()).isEqualTo("jiro@example.jp");
        assertThat(customer.get("metadata").get("portal_customer_no").asString()).isEqualTo("SF-100005");
        assertThat(customer.get("created").isNumber()).isTrue();
        assertThat(customer.get("livemode").asBoolean()).isFalse();
        assertThat(created.header("Request-Id")).startsWith("req_");
        assertThat(created.header("Stripe-Version")).isEqualTo("2025-03-31.basil");
        assertThat(get("/v1/customers/" + customer.get("id").asString()).body().get("name").asString()).isEqualTo("Jiro Kobayashi");
    }

    @Test
    void updates_then_deletes_a_customer_answering_the_deleted_stub() {
        post("/v1/customers/cus_sandbox_none", "metadata[tier]=gold&name=Mika");

        assertThat(get("/v1/customers/cus_sandbox_none").body().get("metadata").get("tier").asString()).isEqualTo("gold");
        Answer deleted = delete("/v1/customers/cus_sandbox_none");
        assertThat(deleted.raw().body()).isEqualTo("{\"id\":\"cus_sandbox_none\",\"object\":\"customer\",\"deleted\":true}");
        assertThat(get("/v1/customers/cus_sandbox_none").body().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void serves_seeded_subscriptions_in_the_basil_shape() {
        JsonNode sub = get("/v1/subscriptions/sub_sandbox_active").body();

        assertThat(sub.get("object").asString()).isEqualTo("subscription");
        assertThat(sub.get("customer").asString()).isEqualTo("cus_sandbox_active");
        assertThat(sub.get("status").asString()).isEqualTo("active");
        assertThat(sub.has("current_period_start") || sub.has("current_period_end"))
                .as("basil removed subscription-level periods").isFalse();
        JsonNode items = sub.get("items");
        assertThat(items.get("object").asString()).isEqualTo("list");
        assertThat(items.get("url").asString()).isEqualTo("/v1/subscription_items?subscription=sub_sandbox_active");
        JsonNode item = items.get("data").get(0);
        assertThat(item.get("object").asString()).isEqualTo("subscription_item");
        assertThat(item.get("current_period_start").isIntegralNumber()).isTrue();
        assertThat(item.get("current_period_end").asLong()).isGreaterThan(item.get("current_period_start").asLong());
        JsonNode price = item.get("price");
        assertThat(price.get("lookup_key").asString()).isEqualTo("wishlist_starter");
        assertThat(price.get("metadata").get("wishlist_quota").asString()).isEqualTo("10");
        assertThat(price.get("recurring").get("interval").asString()).isEqualTo("month");
        assertThat(price.get("unit_amount").asInt()).isEqualTo(1500);
        assertThat(sub.get("cancel_at_period_end").isBoolean()).isTrue();
        assertThat(sub.get("latest_invoice").asString()).isEqualTo("in_sandbox_active");
    }

    @Test
    void invoices_carry_the_subscription_under_parent() {
        JsonNode invoice = get("/v1/invoices/in_sandbox_pastdue").body();

        assertThat(invoice.has("subscription")).isFalse();
        assertThat(invoice.get("parent").get("type").asString()).isEqualTo("subscription_details");
        assertThat(invoice.get("parent").get("subscription_details").get("subscription").asString()).isEqualTo("sub_sandbox_pastdue");
        assertThat(invoice.get("status").asString()).isEqualTo("open");
    }

    @Test
    void expands_the_product_of_each_item_price() {
        JsonNode sub = get("/v1/subscriptions/sub_sandbox_pastdue?expand[]=items.data.price.product").body();

        JsonNode product = sub.get("items").get("data").get(0).get("price").get("product");
        assertThat(product.get("object").asString()).isEqualTo("product");
        assertThat(product.get("name").asString()).isEqualTo("Wishlist Pro");
        assertThat(product.get("metadata").get("wishlist_quota").asString()).isEqualTo("100");
    }

    @Test
    void finds_prices_by_lookup_key() {
        Answer answer = get("/v1/prices?lookup_keys[]=wishlist_pro");

        assertThat(answer.body().get("object").asString()).isEqualTo("list");
        assertThat(answer.body().get("url").asString()).isEqualTo("/v1/prices");
        assertThat(answer.body().get("data")).hasSize(1);
        assertThat(answer.body().get("data").get(0).get("id").asString()).isEqualTo("price_sandbox_wishlist_pro");
        assertThat(answer.body().get("data").get(0).get("metadata").get("wishlist_quota").asString()).isEqualTo("100");
    }

    @Test
    @SuppressWarnings("deprecation")
    void accepts_unencoded_brackets_in_query_strings_as_the_sdks_send_them() throws Exception {
        // java.net.URI refuses '[' in a query; HttpURLConnection (stripe-java's transport) sends it as is
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port
                + "/stripe/v1/subscriptions/sub_sandbox_active?expand[0]=items.data.price.product").openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + KEY);

        assertThat(connection.getResponseCode()).isEqualTo(200);
        JsonNode sub = JSON.readTree(connection.getInputStream().readAllBytes());
        assertThat(sub.get("items").get("data").get(0).get("price").get("product").get("name").asString()).isEqualTo("Wishlist Starter");
    }

    @Test
    void pages_lists_with_limit_starting_after_and_ending_before() {
        for (int i = 0; i < 3; i++) {
            post("/v1/customers", "email=page" + i + "%40example.jp");
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonNode page = get("/v1/customers?limit=2" + (after == null ? "" : "&starting_after=" + after)).body();
            page.get("data").forEach(c -> seen.add(c.get("id").asString()));
            more = page.get("has_more").asBoolean();
            after = seen.getLast();
        }
        JsonNode back = get("/v1/customers?limit=2&ending_before=" + seen.getLast()).body();

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).as("newest first").isNotIn("cus_sandbox_active", "cus_sandbox_none");
        assertThat(back.get("data").get(1).get("id").asString()).isEqualTo(seen.get(seen.size() - 2));
        assertThat(back.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void creates_changes_and_cancels_a_subscription_with_bracketed_items() {
        Answer created = post("/v1/subscriptions", "customer=cus_sandbox_none&items[0][price]=price_sandbox_wishlist_starter&items[0][quantity]=1&metadata[source]=test");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        String id = created.body().get("id").asString();
        String item = created.body().get("items").get("data").get(0).get("id").asString();
        assertThat(id).startsWith("sub_");
        assertThat(item).startsWith("si_");
        assertThat(created.body().get("status").asString()).isEqualTo("active");

        JsonNode changed = post("/v1/subscriptions/" + id, "items[0][id]=" + item + "&items[0][price]=price_sandbox_wishlist_pro&cancel_at_period_end=true").body();
        assertThat(changed.get("items").get("data").get(0).get("price").get("id").asString()).isEqualTo("price_sandbox_wishlist_pro");
        assertThat(changed.get("cancel_at_period_end").asBoolean()).isTrue();

        JsonNode canceled = delete("/v1/subscriptions/" + id).body();
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("canceled_at").isIntegralNumber()).isTrue();
        assertThat(get("/v1/subscriptions?customer=cus_sandbox_none").body().get("data")).as("canceled ones hidden by default").isEmpty();
        assertThat(get("/v1/subscriptions?customer=cus_sandbox_none&status=all").body().get("data")).hasSize(1);
    }

    @Test
    void a_trial_bills_nothing_until_it_ends() {
        JsonNode sub = post("/v1/subscriptions", "customer=cus_sandbox_none&items[0][price]=price_sandbox_wishlist_pro&trial_period_days=14").body();

        assertThat(sub.get("status").asString()).isEqualTo("trialing");
        long trialEnd = sub.get("trial_end").asLong();
        assertThat(trialEnd - sub.get("trial_start").asLong()).isEqualTo(14 * 86_400);
        assertThat(sub.get("items").get("data").get(0).get("current_period_end").asLong()).isEqualTo(trialEnd);
        assertThat(get("/v1/invoices/" + sub.get("latest_invoice").asString()).body().get("amount_due").asInt()).isZero();
    }

    @Test
    void default_incomplete_leaves_the_first_invoice_open() {
        JsonNode sub = post("/v1/subscriptions", "customer=cus_sandbox_none&items[0][price]=price_sandbox_wishlist_starter&payment_behavior=default_incomplete").body();

        assertThat(sub.get("status").asString()).isEqualTo("incomplete");
        JsonNode invoice = get("/v1/invoices/" + sub.get("latest_invoice").asString()).body();
        assertThat(invoice.get("status").asString()).isEqualTo("open");
        assertThat(invoice.get("amount_remaining").asInt()).isEqualTo(1500);
        assertThat(get("/v1/entitlements/active_entitlements?customer=cus_sandbox_none").body().get("data"))
                .as("incomplete subscriptions grant nothing").isEmpty();
    }

    @Test
    void filters_subscriptions_by_status() {
        JsonNode pastDue = get("/v1/subscriptions?status=past_due").body();

        assertThat(pastDue.get("data")).hasSize(1);
        assertThat(pastDue.get("data").get(0).get("customer").asString()).isEqualTo("cus_sandbox_pastdue");
    }

    @Test
    void refusals_name_the_param_in_stripe_error_json() {
        Answer missing = post("/v1/subscriptions", "customer=cus_sandbox_none");
        Answer unknownId = get("/v1/customers/cus_nope");
        Answer unknownParam = post("/v1/customers", "colour=blue");
        Answer badUrl = get("/v1/nothing_here");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("error").get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(missing.body().get("error").get("code").asString()).isEqualTo("parameter_missing");
        assertThat(missing.body().get("error").get("param").asString()).isEqualTo("items");
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.body().get("error").get("code").asString()).isEqualTo("resource_missing");
        assertThat(unknownId.body().get("error").get("message").asString()).isEqualTo("No such customer: 'cus_nope'");
        assertThat(unknownParam.body().get("error").get("code").asString()).isEqualTo("parameter_unknown");
        assertThat(unknownParam.body().get("error").get("param").asString()).isEqualTo("colour");
        assertThat(badUrl.status()).isEqualTo(404);
        assertThat(badUrl.body().get("error").get("message").asString()).startsWith("Unrecognized request URL (GET: /v1/nothing_here)");
    }

    @Test
    void lists_active_entitlements_of_a_customer_with_paging_and_retrieval() {
        JsonNode first = get("/v1/entitlements/active_entitlements?customer=cus_sandbox_pastdue&limit=1").body();

        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode entitlement = first.get("data").get(0);
        assertThat(entitlement.get("object").asString()).isEqualTo("entitlements.active_entitlement");
        assertThat(entitlement.get("feature").asString()).startsWith("feat_");
        String id = entitlement.get("id").asString();
        JsonNode second = get("/v1/entitlements/active_entitlements?customer=cus_sandbox_pastdue&limit=1&starting_after=" + id).body();
        assertThat(second.get("data").get(0).get("lookup_key").asString()).isEqualTo("wishlist_sharing");
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(get("/v1/entitlements/active_entitlements/" + id).body().get("lookup_key").asString()).isEqualTo("wishlists");
        assertThat(get("/v1/entitlements/active_entitlements?customer=cus_sandbox_canceled").body().get("data")).isEmpty();
    }

    @Test
    void features_attached_to_a_product_become_entitlements() {
        String feature = post("/v1/entitlements/features", "name=Export&lookup_key=wishlist_export&metadata[tier]=starter").body().get("id").asString();

        Answer attached = post("/v1/products/prod_sandbox_wishlist_starter/features", "entitlement_feature=" + feature);

        assertThat(feature).startsWith("feat_");
        assertThat(attached.body().get("object").asString()).isEqualTo("product_feature");
        assertThat(attached.body().get("entitlement_feature").get("lookup_key").asString()).isEqualTo("wishlist_export");
        assertThat(get("/v1/entitlements/active_entitlements?customer=cus_sandbox_active").body().get("data"))
                .extracting(e -> e.get("lookup_key").asString()).containsExactly("wishlists", "wishlist_export");
        assertThat(get("/v1/events?type=entitlements.active_entitlement_summary.updated").body().get("data").get(0)
                .get("data").get("object").get("customer").asString()).isEqualTo("cus_sandbox_active");
    }

    @Test
    void creates_products_and_recurring_prices() {
        String product = post("/v1/products", "name=Wishlist+Team&metadata[wishlist_quota]=500").body().get("id").asString();

        JsonNode price = post("/v1/prices", "product=" + product + "&currency=jpy&unit_amount=9000&recurring[interval]=month&lookup_key=wishlist_team").body();

        assertThat(product).startsWith("prod_");
        assertThat(price.get("id").asString()).startsWith("price_");
        assertThat(price.get("type").asString()).isEqualTo("recurring");
        assertThat(price.get("recurring").get("interval_count").asInt()).isEqualTo(1);
        assertThat(get("/v1/products/" + product).body().get("metadata").get("wishlist_quota").asString()).isEqualTo("500");
        assertThat(post("/v1/prices", "product=" + product + "&currency=jpy&unit_amount=1&lookup_key=wishlist_team").status())
                .as("lookup keys are unique unless transferred").isEqualTo(400);
    }
}
