package dev.portal.order.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.order.ChangeEvents;
import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import dev.portal.sandbox.salesforce.SalesforceIds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * fulfillment-service's reports (published here exactly as CONTRACTS.md describes them) become the order's timeline and
 * activation status, and each is relayed to the user who placed the order, in order, once.
 */
class FulfillmentTimelineIT extends OrderServiceTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NOTIFICATION = "portal.notification.published.v1";

    @Test
    void the_timeline_follows_every_step_and_each_change_is_told_to_the_user_in_order() {
        Customers hanako = Customers.HANAKO.asNewUser();
        String id = placed(hanako);
        EventProbe probe = EventProbe.fromNow();
        Instant t = Instant.parse("2026-12-08T01:00:00Z");

        ChangeEvents.fulfillmentStatusChanged(id, hanako.accountId(), "ACTIVATING", null, t);
        ChangeEvents.stepRecorded(id, "mark-activating", "RUNNING", 1, null, t.plusSeconds(1));
        ChangeEvents.stepRecorded(id, "mark-activating", "SUCCEEDED", 1, null, t.plusSeconds(2));
        ChangeEvents.stepRecorded(id, "map-products", "SUCCEEDED", 1, null, t.plusSeconds(3));
        ChangeEvents.stepRecorded(id, "create-whmcs-order", "RETRYING", 1, "The billing system is busy; trying again.", t.plusSeconds(4));
        ChangeEvents.stepRecorded(id, "create-whmcs-order", "SUCCEEDED", 2, null, t.plusSeconds(5));
        ChangeEvents.stepRecorded(id, "activate-sim", "SUCCEEDED", 1, null, t.plusSeconds(6));
        ChangeEvents.stepRecorded(id, "mark-activated", "SUCCEEDED", 1, null, t.plusSeconds(7));
        ChangeEvents.fulfillmentStatusChanged(id, hanako.accountId(), "ACTIVATED", null, t.plusSeconds(8));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(hanako).get("/api/orders/" + id));
            assertThat(order.path("activationStatus").asString()).as(order.toString()).isEqualTo("ACTIVATED");
            assertThat(order.path("timeline").valueStream().map(s -> s.path("step").asString() + " " + s.path("status").asString()
                    + " " + s.path("attempt").asInt())).containsExactly("mark-activating SUCCEEDED 1", "map-products SUCCEEDED 1",
                    "create-whmcs-order SUCCEEDED 2", "activate-sim SUCCEEDED 1", "mark-activated SUCCEEDED 1");
            assertThat(order.path("timeline").get(2).path("at").asString()).isEqualTo(t.plusSeconds(5).toString());
        });
        List<JsonNode> told = probe.await(Topics.NOTIFICATIONS.name(), hanako.userId().toString(), NOTIFICATION, 9).stream()
                .map(ReceivedEvent::json).toList();
        assertThat(told.stream().map(n -> n.path("type").asString() + " " + describe(n.path("data")))).containsExactly(
                "order.status-changed ACTIVATING",
                "order.step-changed mark-activating RUNNING", "order.step-changed mark-activating SUCCEEDED",
                "order.step-changed map-products SUCCEEDED", "order.step-changed create-whmcs-order RETRYING",
                "order.step-changed create-whmcs-order SUCCEEDED", "order.step-changed activate-sim SUCCEEDED",
                "order.step-changed mark-activated SUCCEEDED", "order.status-changed ACTIVATED");
        assertThat(told).allSatisfy(n -> assertThat(n.path("data").path("orderId").asString()).isEqualTo(id));
        assertThat(told.get(4).path("data").path("reason").asString()).isEqualTo("The billing system is busy; trying again.");
        assertThat(told.get(5).path("data").path("attempt").asInt()).isEqualTo(2);
        assertThat(told.get(8).path("data").path("status").asString()).as("the order's own status").isEqualTo("Pending Review");
    }

    @Test
    void a_failed_fulfillment_shows_why_to_the_customer() {
        Customers hanako = Customers.HANAKO.asNewUser();
        String id = placed(hanako);
        EventProbe probe = EventProbe.fromNow();
        Instant t = Instant.parse("2026-12-08T02:00:00Z");
        String why = "The SIM could not be activated. The order was cancelled; you have not been charged.";

        ChangeEvents.stepRecorded(id, "activate-sim", "FAILED", 3, why, t);
        ChangeEvents.stepRecorded(id, "cancel-whmcs-order", "COMPENSATED", 1, null, t.plusSeconds(1));
        ChangeEvents.fulfillmentStatusChanged(id, hanako.accountId(), "FAILED", why, t.plusSeconds(2));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(hanako).get("/api/orders/" + id));
            assertThat(order.path("activationStatus").asString()).as(order.toString()).isEqualTo("FAILED");
            assertThat(order.path("activationReason").asString()).isEqualTo(why);
            assertThat(order.path("timeline").get(0).path("reason").asString()).isEqualTo(why);
        });
        ReceivedEvent failed = probe.await(Topics.NOTIFICATIONS.name(), hanako.userId().toString(), NOTIFICATION, 3).get(2);
        assertThat(failed.json().path("type").asString()).isEqualTo("order.status-changed");
        assertThat(failed.json().path("data").path("reason").asString()).isEqualTo(why);
    }

    @Test
    void a_redelivered_report_changes_nothing_and_is_told_once() {
        Customers hanako = Customers.HANAKO.asNewUser();
        String id = placed(hanako);
        EventProbe probe = EventProbe.fromNow();
        Instant t = Instant.parse("2026-12-08T03:00:00Z");

        String eventId = ChangeEvents.stepRecorded(id, "mark-activating", "SUCCEEDED", 1, null, t);
        ChangeEvents.resendStep(eventId, id, "mark-activating", "SUCCEEDED", 1, null, t);
        ChangeEvents.stepRecorded(id, "map-products", "RUNNING", 1, null, t.plusSeconds(1));

        List<ReceivedEvent> told = probe.await(Topics.NOTIFICATIONS.name(), hanako.userId().toString(), NOTIFICATION, 2);
        assertThat(told.get(1).json().path("data").path("step").asString()).as("the duplicate was not told").isEqualTo("map-products");
        assertThat(probe.received(Topics.NOTIFICATIONS.name(), hanako.userId().toString(), NOTIFICATION)).hasSize(2);
    }

    @Test
    void an_older_report_of_a_step_does_not_undo_a_later_one() {
        Customers hanako = Customers.HANAKO.asNewUser();
        String id = placed(hanako);
        Instant t = Instant.parse("2026-12-08T04:00:00Z");

        ChangeEvents.stepRecorded(id, "mark-activating", "SUCCEEDED", 1, null, t.plusSeconds(5));
        ChangeEvents.stepRecorded(id, "mark-activating", "RUNNING", 1, null, t);
        ChangeEvents.fulfillmentStatusChanged(id, hanako.accountId(), "ACTIVATED", null, t.plusSeconds(10));
        ChangeEvents.fulfillmentStatusChanged(id, hanako.accountId(), "ACTIVATING", null, t);
        ChangeEvents.stepRecorded(id, "map-products", "RUNNING", 1, null, t.plusSeconds(6));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(hanako).get("/api/orders/" + id));
            assertThat(order.path("timeline")).as(order.toString()).hasSize(2);
            assertThat(order.path("timeline").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(order.path("activationStatus").asString()).isEqualTo("ACTIVATED");
        });
    }

    @Test
    void a_report_on_an_order_made_in_salesforce_is_kept_with_the_order_read_from_salesforce() {
        String tarosDraft = SalesforceIds.to18("801Sb0000000002");

        ChangeEvents.stepRecorded(tarosDraft, "mark-activating", "RUNNING", 1, null, Instant.parse("2026-12-08T05:00:00Z"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = ApiClient.json(as(Customers.TARO).get("/api/orders/" + tarosDraft));
            assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("Draft");
            assertThat(order.path("timeline").get(0).path("step").asString()).isEqualTo("mark-activating");
        });
    }

    private String placed(Customers customer) {
        HttpResponse<String> placed = order(customer, items(Pricebook.SIM_VOICE_10GB, 1));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return ApiClient.json(placed).path("id").asString();
    }

    private static String describe(JsonNode data) {
        return data.has("step") ? data.path("step").asString() + " " + data.path("status").asString()
                : data.path("activationStatus").asString();
    }
}
