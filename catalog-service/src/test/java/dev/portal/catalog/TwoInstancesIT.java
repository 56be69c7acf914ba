package dev.portal.catalog;

import static dev.portal.catalog.CatalogFixture.SANDBOX;
import static dev.portal.catalog.CatalogFixture.price;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.salesforce.SalesforceClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "Must show": a change made through the Salesforce REST API travels sandbox CometD -> the real
 * cdc-bridge (own process) -> Kafka -> every catalogue instance (two contexts, two consumer groups), and both serve
 * it shortly after.
 */
class TwoInstancesIT {

    static final String FTTH_10G = "01tSb0000000002IAA";
    static final String FTTH_10G_ENTRY = "01uSb0000000102IAA";
    static final String SIM_20GB = "01tSb0000000005IAA";
    static final Duration SHORTLY = Duration.ofSeconds(15);

    static final CatalogFixture FIXTURE = new CatalogFixture();
    static CdcBridgeProcess bridge;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static SalesforceClient salesforce;

    @BeforeAll
    static void start() {
        SANDBOX.reset();
        bridge = CdcBridgeProcess.start();
        first = FIXTURE.start("portal.catalog.instance-id=first");
        second = FIXTURE.start("portal.catalog.instance-id=second");
        salesforce = first.getBean(SalesforceClient.class);
        await().atMost(SHORTLY).until(() -> "6380".equals(price(first, FTTH_10G)) && "6380".equals(price(second, FTTH_10G)));
    }

    @AfterAll
    static void stop() {
        FIXTURE.close();
        if (bridge != null) {
            bridge.close();
        }
        SANDBOX.reset();
    }

    @Test
    void a_price_changed_through_the_salesforce_rest_api_is_served_fresh_by_both_instances() {
        salesforce.update("PricebookEntry", FTTH_10G_ENTRY, Map.of("UnitPrice", 5980));

        await().atMost(SHORTLY).until(() -> "5980".equals(price(first, FTTH_10G)) && "5980".equals(price(second, FTTH_10G)));
    }

    @Test
    void a_product_made_invisible_disappears_from_both_instances() {
        salesforce.update("Product2", SIM_20GB, Map.of("Portal_Visible__c", false));
        await().atMost(SHORTLY).until(() -> price(first, SIM_20GB) == null && price(second, SIM_20GB) == null);

        salesforce.update("Product2", SIM_20GB, Map.of("Portal_Visible__c", true));
        await().atMost(SHORTLY).until(() -> "2980".equals(price(first, SIM_20GB)) && "2980".equals(price(second, SIM_20GB)));
    }
}
