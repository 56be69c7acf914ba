package dev.portal.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.whmcs.ClientUpdate;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.order.ChangeEvents;
import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.ApiClient;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.ReceivedEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A customer places an order: Salesforce holds it with its items and the address of that moment, the portal lists it. */
class CheckoutIT extends OrderServiceTestBase {

    @Autowired WhmcsClient whmcs;

    @Test
    void a_sim_plan_is_ordered_in_pending_review_with_the_address_on_file_now() {
        EventProbe probe = EventProbe.fromNow();

        HttpResponse<String> placed = order(Customers.HANAKO, withNote(items(Pricebook.SIM_DATA_3GB, 2), "Deliver after 6pm"));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = ApiClient.json(placed);
        String id = order.path("id").asString();
        assertThat(id).startsWith("801").hasSize(18);
        assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + id);
        assertThat(order.path("status").asString()).isEqualTo("Pending Review");
        assertThat(order.path("activationStatus").asString()).isEqualTo("NOT_STARTED");
        assertThat(order.path("orderNumber").asString()).isNotBlank();
        JsonNode item = order.path("items").get(0);
        assertThat(order.path("items")).hasSize(1);
        assertThat(item.path("id").asString()).startsWith("802");
        assertThat(item.path("pricebookEntryId").asString()).isEqualTo(Pricebook.SIM_DATA_3GB);
        assertThat(item.path("name").asString()).isEqualTo("SIM Data 3GB");
        assertThat(item.path("category").asString()).isEqualTo("sim");
        assertThat(item.path("quantity").asInt()).isEqualTo(2);
        assertThat(item.path("unitPrice").path("amount").asInt()).isEqualTo(990);
        assertThat(order.path("total").path("amount").asInt()).isEqualTo(1980);
        assertThat(order.path("total").path("currency").asString()).isEqualTo("JPY");

        List<JsonNode> inSalesforce = salesforceOrdersOf(Customers.HANAKO.accountId()).stream()
                .filter(o -> o.path("Id").asString().equals(id)).toList();
        assertThat(inSalesforce).singleElement().satisfies(o -> {
            assertThat(o.path("Status").asString()).isEqualTo("Pending Review");
            assertThat(o.path("Description").asString()).isEqualTo("Deliver after 6pm");
            assertThat(o.path("OrderReferenceNumber").asString()).isNotBlank();
            // Hanako's address in WHMCS (docs/sandbox/whmcs.md)
            assertThat(o.path("BillingStreet").asString()).isEqualTo("1-2-3 Jingumae");
            assertThat(o.path("BillingCity").asString()).isEqualTo("Shibuya-ku");
            assertThat(o.path("BillingPostalCode").asString()).isEqualTo("150-0001");
        });
        assertThat(salesforceItemsOf(id)).singleElement().satisfies(i -> {
            assertThat(i.path("PricebookEntryId").asString()).isEqualTo(Pricebook.SIM_DATA_3GB);
            assertThat(i.path("Quantity").asDouble()).isEqualTo(2.0);
            assertThat(i.path("UnitPrice").asDouble()).isEqualTo(990.0);
        });

        HttpResponse<String> shown = as(Customers.HANAKO).get("/api/orders/" + id);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(ApiClient.json(shown)).isEqualTo(order);

        ReceivedEvent submitted = probe.await(Topics.ORDER_EVENTS.name(), id, "portal.order.submitted.v1");
        assertThat(submitted.json().path("userId").asString()).isEqualTo(Customers.HANAKO.userId().toString());
        assertThat(submitted.json().path("accountId").asString()).isEqualTo(Customers.HANAKO.accountId());
    }

    @Test
    void the_address_snapshot_is_what_whmcs_holds_when_the_order_is_placed_and_stays_so() {
        whmcs.updateClient(new ClientUpdate(1, null, null, null, "9-9-9 Omotesando", "Flat 3", "Minato-ku", "Tokyo", "107-0062",
                "JP", null, null, null, null));

        HttpResponse<String> placed = order(Customers.HANAKO, items(Pricebook.VPN, 1));
        whmcs.updateClient(new ClientUpdate(1, null, null, null, "1-1-1 Elsewhere", "", "Kita-ku", "Osaka", "530-0001",
                "JP", null, null, null, null));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = ApiClient.json(placed).path("id").asString();
        JsonNode inSalesforce = salesforceOrdersOf(Customers.HANAKO.accountId()).stream()
                .filter(o -> o.path("Id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(inSalesforce.path("BillingStreet").asString()).isEqualTo("9-9-9 Omotesando\nFlat 3");
        assertThat(inSalesforce.path("BillingCity").asString()).isEqualTo("Minato-ku");
        assertThat(inSalesforce.path("BillingPostalCode").asString()).isEqualTo("107-0062");
        assertThat(inSalesforce.path("BillingCountry").asString()).isEqualTo("JP");
    }

    @Test
    void an_order_that_salesforce_reports_before_checkout_finishes_is_still_its_users_and_submitted_once() {
        Customers hanako = Customers.HANAKO.asNewUser();
        EventProbe probe = EventProbe.fromNow();
        AtomicReference<String> reported = new AtomicReference<>();
        // the change event of the new order overtakes the checkout: consumed before checkout reads Salesforce's answer
        salesforceFaults.afterNextAnswer("/composite", answer -> {
            String id = ApiClient.jsonMapper().readTree(answer).path("compositeResponse").get(0).path("body").path("id").asString();
            reported.set(id);
            ChangeEvents.orderChanged(id, "CREATE", fieldsOf(salesforce.getTree("Order", id)));
            await("the change event applied first").atMost(Duration.ofSeconds(60)).until(() ->
                    jdbc.sql("select count(*) from orders where id = ?").param(id).query(Long.class).single() == 1);
        });

        HttpResponse<String> placed = order(hanako, items(Pricebook.VPN, 1));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = ApiClient.json(placed).path("id").asString();
        assertThat(id).isEqualTo(reported.get());
        assertThat(ApiClient.json(as(hanako).get("/api/orders/" + id)).path("items")).hasSize(1);
        assertThat(jdbc.sql("select user_id from orders where id = ?").param(id).query(java.util.UUID.class).single())
                .isEqualTo(hanako.userId());
        probe.await(Topics.ORDER_EVENTS.name(), id, "portal.order.submitted.v1");
        assertThat(probe.received(Topics.ORDER_EVENTS.name(), id, "portal.order.submitted.v1")).as("submitted once").hasSize(1);
    }

    private static Map<String, Object> fieldsOf(JsonNode record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        record.properties().forEach(field -> {
            if (!field.getKey().equals("attributes") && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().isNumber() ? field.getValue().numberValue() : field.getValue().asString());
            }
        });
        return fields;
    }
}
