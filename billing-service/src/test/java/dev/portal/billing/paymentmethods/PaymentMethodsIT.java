package dev.portal.billing.paymentmethods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portal.billing.BillingTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's payment methods from WHMCS, without the gateway's tokens. */
class PaymentMethodsIT extends BillingTestBase {

    @Test
    void a_card_shows_brand_last_four_and_expiry_but_never_the_gateway_token() {
        var response = hanako().get("/api/payment-methods");

        JsonNode card = ok(response).path("items").get(0);
        assertThat(card.path("type").asString()).isEqualTo("card");
        assertThat(card.path("remote").asBoolean()).isTrue();
        assertThat(card.path("cardBrand").asString()).isEqualTo("Visa");
        assertThat(card.path("cardLastFour").asString()).isEqualTo("4242");
        assertThat(card.path("cardExpiry").asString()).isEqualTo("12/29");
        assertThat(response.body()).doesNotContain("cus_sandbox").doesNotContain("pm_sandbox");
    }

    @Test
    void a_bank_account_shows_its_bank() {
        JsonNode items = ok(aiko().get("/api/payment-methods")).path("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("type").asString()).isEqualTo("bank-account");
        assertThat(items.get(0).path("bankName").asString()).isEqualTo("MUFG Bank");
        assertThat(items.get(0).has("cardLastFour")).isFalse();
    }

    @Test
    void a_client_without_payment_methods_gets_an_empty_list() {
        assertThat(ok(as(2, "001Sb00000000002AAA").get("/api/payment-methods")).path("items")).isEmpty();
    }
}
