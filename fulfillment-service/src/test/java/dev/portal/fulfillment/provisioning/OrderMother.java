package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.fulfillment.provisioning.SalesforceOrders.OrderItemRecord;
import dev.portal.fulfillment.provisioning.SalesforceOrders.OrderRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** Orders as Salesforce holds them (the sandbox's products and Taro's account), and the service's settings for tests. */
final class OrderMother {

    static final String FTTH_ORDER = "801Sb0000000101IAA";
    static final String SIM_ORDER = "801Sb0000000102IAA";
    static final String ESIM_ORDER = "801Sb0000000103IAA";
    static final String ACCOUNT = "001Sb0000000002IAA";
    static final long CLIENT = 2;
    static final String MSISDN = "09000000001";
    static final String EID = "89049032000000000000000000000077";

    static final Fulfillment.Approval APPROVAL = new Fulfillment.Approval(Instant.parse("2026-01-05T08:59:00Z"), 1001);

    static OrderRecord ftthOrder() {
        return new OrderRecord(FTTH_ORDER, ACCOUNT, "2", "Not Started", null, null, null, null);
    }

    static OrderRecord simOrder() {
        return new OrderRecord(SIM_ORDER, ACCOUNT, "2", "Not Started", null, "090-0000-0001", "Physical", null);
    }

    static OrderRecord esimOrder() {
        return new OrderRecord(ESIM_ORDER, ACCOUNT, "2", "Not Started", null, "07000000002", "eSIM", EID);
    }

    static OrderItemRecord ftth(String orderItem) {
        return new OrderItemRecord(orderItem, "01tSb0000000001IAA", "Hikari FTTH 1G", 1.0, "Internet", 1.0);
    }

    static OrderItemRecord voiceSim(String orderItem) {
        return new OrderItemRecord(orderItem, "01tSb0000000004IAA", "SIM Data+Voice 10GB", 11.0, "SIM", 1.0);
    }

    static OrderItemRecord vpn(String orderItem) {
        return new OrderItemRecord(orderItem, "01tSb0000000007IAA", "Secure VPN", 20.0, "VPN", 1.0);
    }

    static Fulfillment approved(String orderId) {
        return Fulfillment.approved(orderId, APPROVAL);
    }

    /** Sandbox plans for the SIM products; payment methods re-checked every 10 minutes for 14 days; activations looked at every 30 s for 1 h. */
    static FulfillmentProperties properties() {
        return new FulfillmentProperties(ZoneId.of("Asia/Tokyo"), "Approved",
                new FulfillmentProperties.Products(Set.of("SIM"), Map.of(), Map.of(10L, "DATA_3GB", 11L, "VOICE_10GB")),
                new FulfillmentProperties.Whmcs("Portal Order"),
                new FulfillmentProperties.PaymentMethod(Duration.ofMinutes(10), Duration.ofDays(14)),
                new FulfillmentProperties.Activation(Duration.ofSeconds(30), Duration.ofHours(1), "4G"));
    }

    private OrderMother() {
    }
}
