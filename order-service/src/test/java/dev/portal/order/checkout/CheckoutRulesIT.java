package dev.portal.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.clients.whmcs.OrderLine;
import dev.portal.clients.whmcs.OrderRequest;
import dev.portal.clients.whmcs.WhmcsClient;
import dev.portal.order.Customers;
import dev.portal.order.OrderServiceTestBase;
import dev.portal.order.Pricebook;
import dev.portal.platform.test.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules before an order reaches Salesforce: the three pre-checks with their codes, the items against the portal
 * price book, the quantity bounds, a closed billing account. A refused order leaves nothing in Salesforce.
 */
class CheckoutRulesIT extends OrderServiceTestBase {

    @Autowired WhmcsClient whmcs;

    @Test
    void a_user_without_a_linked_account_is_refused_before_anything_else() {
        HttpResponse<String> refused = order(Customers.NEWCOMER, items(Pricebook.FTTH_1G, 1));

        assertProblem(refused, 409, "account-not-linked");
    }

    @Test
    void a_customer_without_a_payment_method_is_refused() {
        HttpResponse<String> refused = order(Customers.TARO, items(Pricebook.SIM_DATA_3GB, 1));

        assertProblem(refused, 409, "payment-method-missing");
        assertThat(salesforceOrdersOf(Customers.TARO.accountId())).as("only Taro's seeded draft").hasSize(1);
    }

    @Test
    void an_internet_plan_is_refused_while_an_internet_service_is_active() {
        HttpResponse<String> refused = order(Customers.HANAKO, items(Pricebook.SIM_DATA_3GB, 1, Pricebook.FTTH_10G, 1));

        assertProblem(refused, 409, "internet-already-active");
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).as("only Hanako's seeded order").hasSize(1);
    }

    @Test
    void an_internet_plan_is_ordered_by_a_customer_without_an_active_internet_service() {
        HttpResponse<String> placed = order(Customers.AIKO, items(Pricebook.FTTH_1G, 1));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(ApiClient.json(placed).path("items").get(0).path("category").asString()).isEqualTo("internet");
    }

    @Test
    void the_payment_method_is_checked_before_the_internet_service() {
        // Taro gets an active FTTH service in WHMCS (ordered and accepted there), still without a payment method
        long whmcsOrder = whmcs.addOrder(OrderRequest.of(2, "banktransfer", List.of(new OrderLine(1, "monthly", null, 1)))).orderId();
        whmcs.acceptOrder(whmcsOrder);

        HttpResponse<String> refused = order(Customers.TARO, items(Pricebook.FTTH_10G, 1));

        assertProblem(refused, 409, "payment-method-missing");
    }

    @Test
    void entries_outside_the_active_portal_price_book_are_refused_naming_each_item() {
        HttpResponse<String> refused = order(Customers.HANAKO, items(Pricebook.SIM_DATA_3GB, 1, Pricebook.HIDDEN_ADSL, 1,
                Pricebook.STANDARD_BOOK_SIM, 1, "01uSb0000000999AAA", 1));

        assertProblem(refused, 400, "item-not-orderable");
        assertThat(ApiClient.problemFields(refused)).containsExactly("items[1].pricebookEntryId", "items[2].pricebookEntryId",
                "items[3].pricebookEntryId");
        assertThat(refused.body()).contains(Pricebook.HIDDEN_ADSL).contains("01uSb0000000999AAA");
        assertThat(salesforceOrdersOf(Customers.HANAKO.accountId())).hasSize(1);
    }

    @Test
    void an_entry_made_inactive_in_salesforce_can_no_longer_be_ordered() {
        SANDBOX.admin("PATCH", "/sandbox/admin/salesforce/records/PricebookEntry/" + Pricebook.VPN, "{\"IsActive\":false}");

        HttpResponse<String> refused = order(Customers.HANAKO, items(Pricebook.VPN, 1));

        assertProblem(refused, 400, "item-not-orderable");
        assertThat(ApiClient.problemFields(refused)).containsExactly("items[0].pricebookEntryId");
    }

    @Test
    void quantities_outside_one_to_ten_are_refused_naming_each_item() {
        HttpResponse<String> refused = order(Customers.HANAKO, items(Pricebook.SIM_DATA_3GB, 0, Pricebook.VPN, 3, Pricebook.SIM_VOICE_10GB, 11));

        assertProblem(refused, 400, "quantity-out-of-range");
        assertThat(ApiClient.problemFields(refused)).containsExactly("items[0].quantity", "items[2].quantity");
    }

    @Test
    void a_malformed_body_is_refused_with_its_fields() {
        HttpResponse<String> noItems = order(Customers.HANAKO, Map.of("items", List.of()));
        HttpResponse<String> badEntry = order(Customers.HANAKO, items("01u' OR Name != '", 1));

        assertProblem(noItems, 400, "validation-failed");
        assertThat(ApiClient.problemFields(noItems)).containsExactly("items");
        assertProblem(badEntry, 400, "validation-failed");
        assertThat(ApiClient.problemFields(badEntry)).containsExactly("items[0].pricebookEntryId");
    }

    @Test
    void a_closed_billing_account_takes_no_orders() {
        SANDBOX.admin("PUT", "/sandbox/admin/whmcs/clients/3/status", "{\"status\":\"Closed\"}");

        HttpResponse<String> refused = order(Customers.AIKO, items(Pricebook.VPN, 1));

        assertProblem(refused, 409, "account-closed");
        assertThat(salesforceOrdersOf(Customers.AIKO.accountId())).isEmpty();
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.problemCode(response)).as(response.body()).isEqualTo(code);
    }
}
