package dev.portal.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** Creating a wishlist: every check and error code, in the order the checks run (membership, input, subscription, quota). */
class CreateWishlistIT extends WishlistTestBase {

    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @Test
    void the_created_event_reaches_kafka_through_the_outbox_keyed_by_wishlist_id() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        HttpResponse<String> response = createWishlist("alice", group, "On the wire");
        String id = String.valueOf(json(response).path("id").asLong());

        ConsumerRecord<String, byte[]> record = awaitEvent(id, "portal.wishlist.created.v1");

        JsonNode data = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(data.path("slug").asString()).isEqualTo("on-the-wire");
        assertThat(data.path("groupId").asLong()).isEqualTo(group);
        assertThat(data.path("createdBy").asString()).isEqualTo("alice");
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String key, String type) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "wishlist-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("wishlist.wishlist.events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header header = record.headers().lastHeader("ce_type");
                    if (key.equals(record.key()) && header != null
                            && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }

    @Test
    void creates_a_manual_wishlist_with_related_data_summary_schedule_usage_audit_and_event() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", group);
        body.put("name", "Summer Camping");
        body.put("description", "gear for August");
        body.put("products", List.of(Map.of("product_code", "TENT-2", "name", "Tent", "quantity", 2),
                Map.of("product_code", "LAMP-1")));
        body.put("categories", List.of("outdoor", "camping"));
        body.put("search_queries", List.of("tent 2 person"));
        body.put("schedule", Map.of("frequency", "weekly"));

        HttpResponse<String> response = post(WISHLISTS, "alice", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        assertThat(created.path("slug").asString()).isEqualTo("summer-camping");
        assertThat(created.path("status").asInt()).isEqualTo(1);
        assertThat(created.path("group_id").asLong()).isEqualTo(group);
        assertThat(created.path("created_by_user_id").asString()).isEqualTo("alice");
        assertThat(created.path("summary").path("product_count").asInt()).isEqualTo(2);
        assertThat(created.path("summary").path("item_count").asInt()).isEqualTo(3);
        assertThat(created.path("summary").path("category_count").asInt()).isEqualTo(2);
        assertThat(created.path("summary").path("query_count").asInt()).isEqualTo(1);
        assertThat(created.path("schedule").path("frequency").asString()).isEqualTo("weekly");
        assertThat(created.path("schedule").path("next_run_at").isMissingNode()).isFalse();
        assertThat(created.path("products").size()).isEqualTo(2);
        assertThat(usage("sub_sandbox_active")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'wishlist.created' and entity_id = ?",
                String.valueOf(created.path("id").asLong()))).isEqualTo(1);
        assertThat(count("select count(*) from outbox where event_type = 'portal.wishlist.created.v1' and message_key = ?",
                String.valueOf(created.path("id").asLong()))).isEqualTo(1);
    }

    @Test
    void slugs_are_unique_and_names_without_latin_letters_still_get_one() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");

        assertThat(createdSlug("alice", group, "Gifts")).isEqualTo("gifts");
        assertThat(createdSlug("alice", group, "Gifts!")).isEqualTo("gifts-2");
        assertThat(createdSlug("alice", group, "誕生日プレゼント")).isEqualTo("wishlist");
        assertThat(createdSlug("alice", group, "お正月")).isEqualTo("wishlist-2");
    }

    @Test
    void without_a_token_is_401() {
        HttpResponse<String> response = post(WISHLISTS, null, Map.of("group_id", 1, "name", "x"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemCode(response)).isEqualTo("unauthenticated");
    }

    @Test
    void a_caller_in_no_group_is_403() {
        HttpResponse<String> response = post(WISHLISTS, "loner", Map.of("group_id", 1, "name", "x"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemCode(response)).isEqualTo("no-group-membership");
    }

    @Test
    void another_groups_id_is_403_before_the_input_is_looked_at() {
        long other = paidGroup("bob", "Bob's", "sub_sandbox_active");
        group("alice", "Alice's");

        HttpResponse<String> response = post(WISHLISTS, "alice", Map.of("group_id", other, "name", ""));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemCode(response)).isEqualTo("group-access-denied");
        assertThat(count("select count(*) from wishlist_to_groups")).isZero();
    }

    @Test
    void invalid_input_is_400_with_field_errors_before_the_subscription_is_checked() {
        long group = group("alice", "Unpaid");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", group);
        body.put("name", " ");
        body.put("status", 3);
        body.put("products", List.of(Map.of("product_code", "", "quantity", 0)));
        body.put("schedule", Map.of("frequency", "hourly"));

        HttpResponse<String> response = post(WISHLISTS, "alice", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("validation-failed");
        assertThat(errorFields(response)).contains("name", "status", "products[0].product_code",
                "products[0].quantity", "schedule.frequency");
    }

    @Test
    void a_missing_group_id_is_a_field_error() {
        group("alice", "Family");
        HttpResponse<String> response = post(WISHLISTS, "alice", Map.of("name", "x"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("group_id");
    }

    @Test
    void malformed_json_is_400() {
        group("alice", "Family");
        HttpResponse<String> response = post(WISHLISTS, "alice", "{\"group_id\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("malformed-body");
    }

    @Test
    void a_group_without_subscription_is_402() {
        long group = group("alice", "Unpaid");
        HttpResponse<String> response = createWishlist("alice", group, "Gifts");
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-missing");
    }

    @Test
    void a_cancelled_subscription_is_402() {
        long group = paidGroup("alice", "Family", "sub_sandbox_canceled");
        HttpResponse<String> response = createWishlist("alice", group, "Gifts");
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-cancelled");
        assertThat(count("select count(*) from wishlist_to_groups")).isZero();
    }

    @Test
    void an_unpaid_subscription_is_402() {
        SANDBOX.admin("POST", "/sandbox/admin/stripe/subscriptions/sub_sandbox_active/status", "{\"status\":\"unpaid\"}");
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        HttpResponse<String> response = createWishlist("alice", group, "Gifts");
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-unpaid");
    }

    @Test
    void an_expired_subscription_is_402() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        // as Stripe reports an incomplete subscription whose first payment window passed
        jdbc.sql("update subscriptions set status = 'incomplete_expired', refreshed_at = now()").update();
        HttpResponse<String> response = createWishlist("alice", group, "Gifts");
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-expired");
    }

    @Test
    void past_due_is_allowed_within_the_grace_and_402_after_it() {
        long group = paidGroup("alice", "Family", "sub_sandbox_pastdue");

        assertThat(createWishlist("alice", group, "Within grace").statusCode()).isEqualTo(201);

        jdbc.sql("update subscriptions set past_due_since = now() - interval '4 days', refreshed_at = now()").update();
        HttpResponse<String> response = createWishlist("alice", group, "After grace");
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(problemCode(response)).isEqualTo("subscription-past-due");
    }

    @Test
    void the_plans_quota_is_409_when_reached_and_nothing_is_written() {
        SANDBOX.admin("POST", "/sandbox/admin/stripe/prices/price_sandbox_wishlist_starter/metadata",
                "{\"metadata\":{\"wishlist_quota\":\"2\"}}");
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        createdSlug("alice", group, "One");
        createdSlug("alice", group, "Two");

        HttpResponse<String> response = createWishlist("alice", group, "Three");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(problemCode(response)).isEqualTo("quota-exceeded");
        assertThat(json(response).path("quota").asInt()).isEqualTo(2);
        assertThat(usage("sub_sandbox_active")).isEqualTo(2);
        assertThat(count("select count(*) from wishlist_to_groups")).isEqualTo(2);
    }

    @Test
    void fresh_subscription_data_is_used_without_calling_stripe() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        SANDBOX.fault("stripe", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = createWishlist("alice", group, "Offline-safe");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void stale_subscription_data_is_refreshed_from_stripe() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        jdbc.sql("update subscriptions set refreshed_at = now() - interval '1 hour', status = 'canceled'").update();

        HttpResponse<String> response = createWishlist("alice", group, "Refreshed");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.sql("select status from subscriptions").query(String.class).single()).isEqualTo("active");
    }

    @Test
    void stale_data_and_stripe_down_is_503_subscription_unverifiable() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        jdbc.sql("update subscriptions set refreshed_at = now() - interval '1 hour'").update();
        SANDBOX.fault("stripe", "{\"failure\":\"status\",\"status\":503}");

        HttpResponse<String> response = createWishlist("alice", group, "Unverifiable");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problemCode(response)).isEqualTo("subscription-unverifiable");
        assertThat(count("select count(*) from wishlist_to_groups")).isZero();
    }

    @Test
    void converts_a_temporary_wishlist_migrating_its_data_and_closing_it() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        long temp = tempWishlist("alice", "Draft list");

        HttpResponse<String> response = post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", temp));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        assertThat(created.path("name").asString()).isEqualTo("Draft list");
        assertThat(created.path("temp_wishlist_id").asLong()).isEqualTo(temp);
        assertThat(created.path("products").valueStream().map(p -> p.path("product_code").asString()).toList())
                .containsExactly("SIM-5G", "ROUTER-X");
        assertThat(created.path("categories").valueStream().map(JsonNode::asString).toList()).containsExactly("mobile");
        assertThat(created.path("summary").path("item_count").asInt()).isEqualTo(3);
        JsonNode closed = json(get("/api/v1/temp-wishlists/" + temp, "alice"));
        assertThat(closed.path("status").asString()).isEqualTo("converted");
        assertThat(closed.path("converted_wishlist_id").asLong()).isEqualTo(created.path("id").asLong());
        assertThat(count("select count(*) from audit_log where action = 'wishlist.converted'")).isEqualTo(1);

        HttpResponse<String> again = post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", temp));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemCode(again)).isEqualTo("temp-wishlist-already-converted");
        assertThat(usage("sub_sandbox_active")).isEqualTo(1);
    }

    @Test
    void another_users_temporary_wishlist_is_a_field_error() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        long bobs = tempWishlist("bob", "Bob's draft");

        HttpResponse<String> response = post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", bobs));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("temp_wishlist_id");
    }

    @Test
    void a_database_failure_mid_conversion_is_500_and_leaves_the_temporary_wishlist_intact_and_no_wishlist() {
        long group = paidGroup("alice", "Family", "sub_sandbox_active");
        long temp = tempWishlist("alice", "Doomed draft");
        // the failure hits after the wishlist, its products, categories and schedule were written, before the
        // temporary wishlist is closed and the usage counted
        jdbc.sql("""
                create or replace function fail_summary() returns trigger language plpgsql as $$
                begin raise exception 'injected failure'; end $$""").update();
        jdbc.sql("create trigger fail_summary before insert on wishlist_summaries for each row execute function fail_summary()").update();
        try {
            HttpResponse<String> response = post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", temp));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(problemCode(response)).isEqualTo("internal-error");
            assertThat(response.body()).doesNotContain("injected failure");
        } finally {
            jdbc.sql("drop trigger fail_summary on wishlist_summaries").update();
        }
        assertThat(count("select count(*) from wishlist_to_groups")).isZero();
        assertThat(count("select count(*) from wishlist_products")).isZero();
        assertThat(count("select count(*) from wishlist_schedules")).isZero();
        assertThat(count("select count(*) from outbox where event_type like 'portal.wishlist.%'")).isZero();
        assertThat(usage("sub_sandbox_active")).isZero();
        JsonNode intact = json(get("/api/v1/temp-wishlists/" + temp, "alice"));
        assertThat(intact.path("status").asString()).isEqualTo("open");
        assertThat(intact.path("products").size()).isEqualTo(2);

        assertThat(post(WISHLISTS, "alice", Map.of("group_id", group, "temp_wishlist_id", temp)).statusCode()).isEqualTo(201);
    }

    private long tempWishlist(String owner, String name) {
        HttpResponse<String> response = post("/api/v1/temp-wishlists", owner, Map.of("name", name,
                "products", List.of(Map.of("product_code", "SIM-5G", "quantity", 2), Map.of("product_code", "ROUTER-X")),
                "categories", List.of("mobile"), "search_queries", List.of("5g router")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asLong();
    }
}
