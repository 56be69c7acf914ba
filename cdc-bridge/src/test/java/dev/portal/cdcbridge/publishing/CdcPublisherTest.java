package dev.portal.cdcbridge.publishing;

import dev.portal.clients.salesforce.streaming.ChangeEvent;
import dev.portal.platform.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CdcPublisherTest {

    private final CdcPublisher publisher = new CdcPublisher(null, JsonMapper.builder().build(), URI.create("urn:salesforce:test"),
            List.of("portal", "portal-batch"), Duration.ofSeconds(1));

    private static ChangeEvent event(List<String> recordIds, String origin) {
        return new ChangeEvent("/data/OrderItemChangeEvent", 42, "schema", "OrderItem", recordIds, "UPDATE", origin, "tx-1", 3,
                Instant.parse("2026-11-23T10:00:00Z"), 7, "005", List.of("Quantity"), Map.of("Quantity", 2.0));
    }

    @Test
    void recognises_the_portals_own_writes_by_the_client_in_change_origin() {
        assertThat(publisher.portalOrigin("com/salesforce/api/rest/62.0;client=portal")).isTrue();
        assertThat(publisher.portalOrigin("com/salesforce/api/soap/62.0;client=portal-batch;other=x")).isTrue();
        assertThat(publisher.portalOrigin("com/salesforce/api/rest/62.0;client=portal-admin")).isFalse();
        assertThat(publisher.portalOrigin("com/salesforce/api/rest/62.0;client=back-office")).isFalse();
        assertThat(publisher.portalOrigin("")).isFalse();
    }

    @Test
    void fans_an_event_out_to_one_record_per_id_with_stable_event_ids_and_the_salesforce_headers() {
        List<Outgoing> records = publisher.fanOut(Topics.SALESFORCE_ORDER_ITEM,
                event(List.of("802Sb0000000001IAA", "802Sb0000000002IAA"), "com/salesforce/api/rest/62.0;client=portal"));

        assertThat(records).extracting(r -> r.change().recordId()).containsExactly("802Sb0000000001IAA", "802Sb0000000002IAA");
        ProducerRecord<String, byte[]> first = publisher.toRecord(records.getFirst());
        assertThat(first.topic()).isEqualTo("salesforce.cdc.order-item");
        assertThat(first.key()).isEqualTo("802Sb0000000001IAA");
        assertThat(header(first, "ce_type")).isEqualTo("salesforce.cdc.order-item.changed.v1");
        assertThat(header(first, "ce_replayid")).isEqualTo("42");
        assertThat(header(first, "ce_sequencenumber")).isEqualTo("3");
        assertThat(header(first, "ce_transactionkey")).isEqualTo("tx-1");
        assertThat(header(first, "ce_portalorigin")).isEqualTo("true");
        assertThat(header(first, "ce_id")).isEqualTo(header(publisher.toRecord(records.getFirst()), "ce_id"))
                .isNotEqualTo(header(publisher.toRecord(records.get(1)), "ce_id"));
    }

    @Test
    void maps_channels_and_objects_to_their_topics() {
        assertThat(CdcTopics.entityOf("/data/Product2ChangeEvent")).isEqualTo("Product2");
        assertThat(CdcTopics.of("Product2")).contains(Topics.SALESFORCE_PRODUCT);
        assertThat(CdcTopics.of("Pricebook2")).contains(Topics.SALESFORCE_PRICEBOOK);
        assertThat(CdcTopics.of("Contact")).isEmpty();
        assertThat(CdcTopics.channels()).containsExactly("/data/OrderChangeEvent", "/data/OrderItemChangeEvent",
                "/data/PricebookEntryChangeEvent", "/data/Product2ChangeEvent", "/data/Pricebook2ChangeEvent", "/data/CaseChangeEvent",
                "/data/AccountChangeEvent");
        assertThat(CdcTopics.of(CdcTopics.entityOf("/data/CaseChangeEvent"))).contains(Topics.SALESFORCE_CASE);
        assertThat(CdcTopics.of(CdcTopics.entityOf("/data/OrderItemChangeEvent"))).contains(Topics.SALESFORCE_ORDER_ITEM);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
