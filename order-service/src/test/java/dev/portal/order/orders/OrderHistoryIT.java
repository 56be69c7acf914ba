package dev.portal.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's orders from the read model: their account's only, newest first, in pages; another account's is 404. */
class OrderHistoryIT extends OrderServiceTestBase {

    @Test
    void the_list_holds_the_accounts_orders_newest_first_in_pages() {
        String first = placed(Customers.HANAKO, Pricebook.VPN);
        String second = placed(Customers.HANAKO, Pricebook.SIM_DATA_3GB);
        String third = placed(Customers.HANAKO, Pricebook.SIM_VOICE_10GB);
        placed(Customers.AIKO, Pricebook.VPN);

        JsonNode page1 = ApiClient.json(as(Customers.HANAKO).get("/api/orders?size=2"));
        JsonNode page2 = ApiClient.json(as(Customers.HANAKO).get("/api/orders?size=2&page=2"));

        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page1.path("total").asLong()).isEqualTo(3);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("size").asInt()).isEqualTo(2);
        assertThat(page1.path("orders").get(0).path("items").get(0).path("name").asString()).isEqualTo("SIM Data+Voice 10GB");
        assertThat(page1.path("orders").get(0).path("total").path("amount").asInt()).isEqualTo(1980);
    }

    @Test
    void another_accounts_order_is_not_found_exactly_like_a_missing_one() {
        String aikos = placed(Customers.AIKO, Pricebook.VPN);

        HttpResponse<String> byHanako = as(Customers.HANAKO).get("/api/orders/" + aikos);
        HttpResponse<String> missing = as(Customers.HANAKO).get("/api/orders/801Sb0000000999AAA");

        assertThat(byHanako.statusCode()).as(byHanako.body()).isEqualTo(404);
        assertThat(ApiClient.problemCode(byHanako)).isEqualTo("order-not-found");
        assertThat(ApiClient.json(byHanako).path("detail")).isEqualTo(ApiClient.json(missing).path("detail"));
        assertThat(ids(ApiClient.json(as(Customers.HANAKO).get("/api/orders")))).doesNotContain(aikos);
    }

    @Test
    void a_user_without_a_linked_account_has_no_orders_to_list() {
        HttpResponse<String> refused = as(Customers.NEWCOMER).get("/api/orders");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(ApiClient.problemCode(refused)).isEqualTo("account-not-linked");
    }

    @Test
    void a_page_outside_the_bounds_is_refused() {
        HttpResponse<String> zero = as(Customers.HANAKO).get("/api/orders?page=0");
        HttpResponse<String> huge = as(Customers.HANAKO).get("/api/orders?size=1000");

        assertThat(ApiClient.problemCode(zero)).as(zero.body()).isEqualTo("invalid-page");
        assertThat(ApiClient.problemCode(huge)).as(huge.body()).isEqualTo("invalid-page");
        assertThat(huge.statusCode()).isEqualTo(400);
    }

    @Test
    void without_a_token_nothing_is_listed() {
        HttpResponse<String> anonymous = ApiClient.on(port).get("/api/orders");

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String placed(Customers customer, String entry) {
        HttpResponse<String> placed = order(customer, items(entry, 1));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return ApiClient.json(placed).path("id").asString();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("orders").valueStream().map(o -> o.path("id").asString()).toList();
    }
}
