package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.support.ExternalResponseException;
import org.eclipse.jetty.util.ajax.JSON;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading change event messages as CometD's JSON parser hands them over: the fact sheet's example and bad ones. */
class ChangeEventTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(String resource) throws IOException {
        try (InputStream in = ChangeEventTest.class.getResourceAsStream("/fixtures/salesforce/streaming/" + resource)) {
            return (Map<String, Object>) new JSON().fromJSON(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> message) {
        return (Map<String, Object>) message.get("data");
    }

    @Test
    void reads_the_documented_change_event() throws IOException {
        ChangeEvent event = ChangeEvent.of("/data/AccountChangeEvent", data(message("account-change-event.json")));

        assertThat(event.replayId()).isEqualTo(12345);
        assertThat(event.schema()).isEqualTo("IeRuaY6cbI_HsV8Rv1Mc5g");
        assertThat(event.entityName()).isEqualTo("Account");
        assertThat(event.recordIds()).containsExactly("001Sb00000AbCdEIAZ");
        assertThat(event.changeType()).isEqualTo("UPDATE");
        assertThat(event.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=myApp");
        assertThat(event.transactionKey()).isEqualTo("0001a2b3-c4d5-e6f7-8a9b-0c1d2e3f4a5b");
        assertThat(event.sequenceNumber()).isEqualTo(1);
        assertThat(event.commitTimestamp()).isEqualTo(Instant.ofEpochMilli(1712345678000L));
        assertThat(event.commitNumber()).isEqualTo(10960279145823L);
        assertThat(event.commitUser()).isEqualTo("005Sb0000000001IAA");
        assertThat(event.changedFields()).containsExactly("Name", "LastModifiedDate");
        assertThat(event.fields()).as("field order is not guaranteed").containsOnly(Map.entry("Name", "New name"), Map.entry("LastModifiedDate", "2024-04-05T12:34:56.000Z"));
        assertThat(event.gap()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void gap_event_has_no_fields() throws IOException {
        Map<String, Object> data = data(message("account-change-event.json"));
        Map<String, Object> payload = new LinkedHashMap<>();
        Map<String, Object> header = new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) data.get("payload")).get("ChangeEventHeader"));
        header.put("changeType", "GAP_OVERFLOW");
        payload.put("ChangeEventHeader", header);
        data.put("payload", payload);

        ChangeEvent event = ChangeEvent.of("/data/ChangeEvents", data);

        assertThat(event.gap()).isTrue();
        assertThat(event.fields()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void replay_id_of_the_wrong_type_is_a_malformed_answer() throws IOException {
        Map<String, Object> data = data(message("account-change-event.json"));
        ((Map<String, Object>) data.get("event")).put("replayId", "12345");

        assertThatThrownBy(() -> ChangeEvent.of("/data/AccountChangeEvent", data))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("malformed change event");
    }

    @Test
    void message_without_header_is_a_malformed_answer() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payload", "not an object");
        data.put("event", Map.of("replayId", 1L));

        assertThatThrownBy(() -> ChangeEvent.of("/data/AccountChangeEvent", data)).isInstanceOf(ExternalResponseException.class);
        assertThatThrownBy(() -> ChangeEvent.of("/data/AccountChangeEvent", null)).isInstanceOf(ExternalResponseException.class);
    }

    @Test
    void bayeux_error_codes_are_read_from_the_error_string() {
        assertThat(new StreamingRejectedException("/meta/subscribe", "400::The channel you requested to subscribe to doesn't exist {/x}").code()).isEqualTo(400);
        assertThat(new StreamingRejectedException("/meta/connect", "garbage").code()).isZero();
        assertThat(ChangeEventSubscriber.renewFor("401::Authentication invalid")).isTrue();
        assertThat(ChangeEventSubscriber.renewFor("403::Unknown client")).isFalse();
        assertThat(ChangeEventSubscriber.authFailure("403::Unknown client")).isTrue();
    }
}
