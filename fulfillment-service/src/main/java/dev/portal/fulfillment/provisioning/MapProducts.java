package dev.portal.fulfillment.provisioning;

import dev.portal.fulfillment.config.FulfillmentProperties;
import dev.portal.fulfillment.provisioning.SalesforceOrders.OrderItemRecord;
import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code map-products}: turns the order's items into WHMCS products ({@code Product2.WH_Product_ID__c}, or the
 * {@code portal.fulfillment.products.whmcs-ids} table) and finds the Freebit plan of a SIM item. Reads only. An item
 * it cannot map parks the saga with the product named: a person fixes the mapping and retries.
 */
@Component
class MapProducts implements StepAction<Fulfillment> {

    private final SalesforceOrders salesforce;
    private final FulfillmentProperties.Products products;

    MapProducts(SalesforceOrders salesforce, FulfillmentProperties properties) {
        this.salesforce = salesforce;
        this.products = properties.products();
    }

    @Override
    public StepOutcome<Fulfillment> apply(StepContext<Fulfillment> step) {
        Fulfillment fulfillment = step.data();
        List<OrderItemRecord> items;
        try {
            items = salesforce.items(fulfillment.orderId());
        } catch (ParticipantRefused refused) {
            return step.park(refused.getMessage());
        }
        if (items.isEmpty()) {
            return step.park("the order has no items");
        }
        List<Fulfillment.Line> lines = new ArrayList<>();
        for (OrderItemRecord item : items) {
            Long pid = item.whmcsProductId() != null && item.whmcsProductId() >= 1 ? Long.valueOf(item.whmcsProductId().longValue())
                    : products.whmcsIds().get(item.product2Id());
            if (pid == null) {
                return step.park("product '" + item.productName() + "' (" + item.product2Id() + ") has no WHMCS product: set its"
                        + " WH_Product_ID__c or portal.fulfillment.products.whmcs-ids");
            }
            if (item.quantity() < 1 || item.quantity() != Math.rint(item.quantity())) {
                return step.park("item " + item.id() + " has quantity " + item.quantity() + ", not a whole number of products");
            }
            boolean sim = item.category() != null && products.simCategories().contains(item.category());
            String plan = sim ? products.simPlans().get(pid) : null;
            if (sim && plan == null) {
                return step.park("SIM product " + pid + " ('" + item.productName() + "') has no Freebit plan: set"
                        + " portal.fulfillment.products.sim-plans." + pid);
            }
            lines.add(new Fulfillment.Line(item.id(), item.product2Id(), item.productName(), pid, (int) item.quantity(), sim, plan));
        }
        long simLines = lines.stream().filter(Fulfillment.Line::sim).mapToInt(Fulfillment.Line::quantity).sum();
        if (simLines > 1) {
            return step.park("the order has " + simLines + " SIM lines; one order activates one line (its MSISDN__c)");
        }
        if (simLines == 1 && fulfillment.sim() == null) {
            return step.park("the order has a SIM item but no MSISDN__c for the new line");
        }
        return step.done(fulfillment.withLines(lines));
    }
}
