package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One order of GetOrders' {@code orders.order[]}, with its line items ({@code lineitems.lineitem[]}).
 *
 * @param status {@code Pending}, {@code Active}, {@code Cancelled}, {@code Fraud} (as WHMCS spells them)
 */
public record WhmcsOrder(
        long id,
        @JsonProperty("ordernum") String orderNumber,
        @JsonProperty("userid") long userId,
        @JsonDeserialize(using = WhmcsValues.Moment.class) LocalDateTime date,
        BigDecimal amount,
        @JsonProperty("paymentmethod") String paymentMethod,
        @JsonProperty("invoiceid") Long invoiceId,
        String status,
        @JsonProperty("paymentstatus") String paymentStatus,
        @JsonProperty("lineitems") LineItems lineItems) {

    /** {@code lineitems.lineitem[]}. */
    public record LineItems(List<LineItem> lineitem) {
        public LineItems {
            lineitem = lineitem == null ? List.of() : List.copyOf(lineitem);
        }
    }

    /** One product, domain or addon of the order; {@code relid} is the service id for products. */
    public record LineItem(String type, @JsonProperty("relid") long relId, String product, String domain,
                           @JsonProperty("billingcycle") String billingCycle, BigDecimal amount, String status) {
    }

    public WhmcsOrder {
        lineItems = lineItems == null ? new LineItems(List.of()) : lineItems;
    }

    public boolean pending() {
        return "Pending".equals(status);
    }

    public boolean cancelled() {
        return "Cancelled".equals(status);
    }
}
