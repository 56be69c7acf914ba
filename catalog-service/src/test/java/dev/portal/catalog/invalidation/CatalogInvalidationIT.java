package dev.portal.catalog.invalidation;

import static dev.portal.catalog.CatalogFixture.SANDBOX;
import static dev.portal.catalog.CatalogFixture.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.catalog.CatalogFixture;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.platform.events.Topics;
import dev.portal.platform.test.EventProbe;
import dev.portal.platform.test.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a catalogue instance applies the bridge's records, fed with records shaped like the bridge's while the
 * sandbox's own change events are not bridged: so a price changed in Salesforce shows only when a record makes the
 * catalogue look. (The bridge itself runs in {@code TwoInstancesIT}.)
 */
class CatalogInvalidationIT {

    static final String FTTH_1G = "01tSb0000000001IAA";
    static final String FTTH_1G_ENTRY = "01uSb0000000101IAA";
    static final String VPN = "01tSb0000000007IAA";
    static final String VPN_ENTRY = "01uSb0000000107IAA";
    static final Duration WAIT = Duration.ofSeconds(20);

    static final CatalogFixture FIXTURE = new CatalogFixture();
    static ConfigurableApplicationContext catalog;
    static SalesforceClient salesforce;
    static BridgeRecords bridge;

    @BeforeAll
    static void start() {
        TestInfrastructure.kafka();
        catalog = FIXTURE.start();
        salesforce = catalog.getBean(SalesforceClient.class);
        bridge = new BridgeRecords();
        ChangeTopicsAssignment assignment = catalog.getBean(ChangeTopicsAssignment.class);
        await().atMost(WAIT).until(assignment::assigned);
    }

    @AfterAll
    static void stop() {
        bridge.close();
        FIXTURE.close();
        SANDBOX.reset();
    }

    @BeforeEach
    void seed() {
        SANDBOX.reset();
        catalog.getBean(dev.portal.catalog.snapshot.CatalogCache.class).reloadQuietly("test");
    }

    @Test
    void an_entry_change_rereads_just_that_entry_and_a_redelivery_changes_nothing() {
        salesforce.update("PricebookEntry", FTTH_1G_ENTRY, Map.of("UnitPrice", 4980));
        salesforce.update("PricebookEntry", VPN_ENTRY, Map.of("UnitPrice", 600));
        assertThat(price(catalog, FTTH_1G)).as("nothing bridged yet").isEqualTo("5280");

        String ceId = bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", FTTH_1G_ENTRY, "UPDATE",
                Map.of("UnitPrice", 4980.0));
        await().atMost(WAIT).until(() -> "4980".equals(price(catalog, FTTH_1G)));
        assertThat(price(catalog, VPN)).as("only the changed entry was read again").isEqualTo("550");

        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", FTTH_1G_ENTRY, "UPDATE",
                Map.of("UnitPrice", 4980.0), ceId);
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", VPN_ENTRY, "UPDATE", Map.of("UnitPrice", 600.0));
        await().atMost(WAIT).until(() -> "600".equals(price(catalog, VPN)));
        assertThat(price(catalog, FTTH_1G)).isEqualTo("4980");
    }

    @Test
    void a_product_made_invisible_disappears_and_comes_back_when_visible_again() {
        salesforce.update("Product2", VPN, Map.of("Portal_Visible__c", false));
        bridge.send(Topics.SALESFORCE_PRODUCT.name(), "Product2", VPN, "UPDATE", Map.of("Portal_Visible__c", false));
        await().atMost(WAIT).until(() -> price(catalog, VPN) == null);

        salesforce.update("Product2", VPN, Map.of("Portal_Visible__c", true));
        bridge.send(Topics.SALESFORCE_PRODUCT.name(), "Product2", VPN, "UPDATE", Map.of("Portal_Visible__c", true));
        await().atMost(WAIT).until(() -> "550".equals(price(catalog, VPN)));
    }

    @Test
    void a_deleted_entry_leaves_at_once_and_a_price_book_change_reloads_everything() {
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", VPN_ENTRY, "DELETE", Map.of());
        await().atMost(WAIT).until(() -> price(catalog, VPN) == null);

        // the entry still exists in the sandbox: a full reload brings it back, with a price changed unannounced
        salesforce.update("PricebookEntry", FTTH_1G_ENTRY, Map.of("UnitPrice", 5000));
        bridge.send(Topics.SALESFORCE_PRICEBOOK.name(), "Pricebook2", CatalogFixture.PORTAL_PRICEBOOK, "UPDATE", Map.of("Name", "Portal"));
        await().atMost(WAIT).until(() -> "550".equals(price(catalog, VPN)) && "5000".equals(price(catalog, FTTH_1G)));
    }

    @Test
    void gap_and_resync_records_reload_everything() {
        salesforce.update("PricebookEntry", FTTH_1G_ENTRY, Map.of("UnitPrice", 5100));
        bridge.send(Topics.SALESFORCE_PRODUCT.name(), "Product2", "01tSb0000000003IAA", "GAP_UPDATE", Map.of("Name", "SIM Data 3GB"));
        await().atMost(WAIT).until(() -> "5100".equals(price(catalog, FTTH_1G)));

        salesforce.update("PricebookEntry", FTTH_1G_ENTRY, Map.of("UnitPrice", 5200));
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", "01uSb0000000103IAA", "RESYNC", Map.of());
        await().atMost(WAIT).until(() -> "5200".equals(price(catalog, FTTH_1G)));
    }

    @Test
    void a_record_it_cannot_read_is_dead_lettered_and_later_changes_still_apply() {
        EventProbe probe = EventProbe.fromNow();
        String group = catalog.getEnvironment().getProperty("spring.cloud.stream.bindings.catalogChanges-in-0.group");

        bridge.sendWithoutChangeType(Topics.SALESFORCE_PRODUCT.name(), VPN);
        salesforce.update("PricebookEntry", VPN_ENTRY, Map.of("UnitPrice", 700));
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", VPN_ENTRY, "UPDATE", Map.of("UnitPrice", 700.0));
        await().atMost(WAIT).until(() -> "700".equals(price(catalog, VPN)));
        // every running instance dead-letters it for its own group; this one's copy is there, sent unchanged
        await().atMost(WAIT).until(() -> probe.received(Topics.SALESFORCE_PRODUCT.deadLetter().name(), VPN, "salesforce.cdc.product.changed.v1")
                .stream().anyMatch(dead -> dead.header("kafka_dlt-original-consumer-group").equals(java.util.Optional.of(group))
                        && dead.header("ce_changetype").isEmpty()));
    }

    @Test
    void a_product_outside_the_portal_price_book_is_not_served_until_it_gets_an_entry_there() {
        String product = salesforce.create("Product2", Map.of("Name", "Outside VPN", "ProductCode", "VPN-OUT", "IsActive", true,
                "Portal_Category__c", "VPN", "Portal_Visible__c", true, "Family_Plan__c", false, "WH_Product_ID__c", 99));
        String standardEntry = salesforce.create("PricebookEntry", Map.of("Pricebook2Id", "01sSb0000000001IAA", "Product2Id", product,
                "UnitPrice", 100, "IsActive", true));
        double before = applied("product") + applied("entry");

        bridge.send(Topics.SALESFORCE_PRODUCT.name(), "Product2", product, "CREATE", Map.of("Name", "Outside VPN"));
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", standardEntry, "CREATE", Map.of("UnitPrice", 100.0));
        await().atMost(WAIT).until(() -> applied("product") + applied("entry") >= before + 2);
        assertThat(price(catalog, product)).isNull();
        assertThat(CatalogFixture.get(catalog, "/api/catalog/products/" + product, CatalogFixture.token(2)).statusCode()).isEqualTo(404);

        String portalEntry = salesforce.create("PricebookEntry", Map.of("Pricebook2Id", CatalogFixture.PORTAL_PRICEBOOK,
                "Product2Id", product, "UnitPrice", 450, "IsActive", true));
        bridge.send(Topics.SALESFORCE_PRICEBOOK_ENTRY.name(), "PricebookEntry", portalEntry, "CREATE", Map.of("UnitPrice", 450.0));
        await().atMost(WAIT).until(() -> "450".equals(price(catalog, product)));
    }

    private static double applied(String kind) {
        return catalog.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("portal.catalog.changes", "kind", kind, "outcome", "applied").count();
    }
}
