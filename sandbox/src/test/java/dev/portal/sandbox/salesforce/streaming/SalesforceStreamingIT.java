package dev.portal.sandbox.salesforce.streaming;

import dev.portal.sandbox.salesforce.SalesforceRecordChange;
import dev.portal.sandbox.salesforce.SalesforceRecordsChanged;
import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;
import org.cometd.server.BayeuxServerImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Streaming API simulator, driven with raw Bayeux JSON the way Salesforce documents the CometD exchange,
 * answers in Salesforce's shapes: handshake with replay, replay -1/-2/N, change event messages, and the Bayeux
 * error strings of refused requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.salesforce.streaming.timeout=1s",
        "sandbox.salesforce.streaming.max-interval=2s",
        "sandbox.salesforce.streaming.sweep-period=100ms"})
class SalesforceStreamingIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    SalesforceChangeEventStreams streams;

    @Autowired
    SalesforceSessions sessions;

    @Autowired
    BayeuxServerImpl bayeux;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void freshOrgAndToken() throws Exception {
        streams.reset();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/salesforce/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        token = BayeuxExchange.JSON.readTree(response.body()).get("access_token").asString();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private BayeuxExchange client() {
        return new BayeuxExchange(url("/salesforce/cometd/62.0"), "Bearer " + token);
    }

    private void accountRenamed(String name) {
        publisher.publishEvent(new SalesforceRecordsChanged("0001a2b3-" + name, List.of(new SalesforceRecordChange("Account", "UPDATE",
                List.of("001Sb00000AbCdEIAZ"), List.of("Name", "LastModifiedDate"),
                Map.of("Name", name, "LastModifiedDate", "2026-04-05T12:34:56.000Z"),
                "com/salesforce/api/rest/62.0;client=portal", SalesforceSessions.USER_ID))));
    }

    /** A REST call with this test's token; answers the JSON body (none for 204). */
    private JsonNode rest(String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/salesforce/services/data/v62.0" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isBetween(200, 204);
        return response.body().isEmpty() ? BayeuxExchange.object() : BayeuxExchange.JSON.readTree(response.body());
    }

    private static long replayId(JsonNode event) {
        return event.path("data").path("event").path("replayId").asLong();
    }

    @Test
    void handshake_offers_replay_over_long_polling_and_sets_the_browser_cookie() {
        BayeuxExchange client = client();

        JsonNode reply = client.handshake();

        assertThat(reply.get("successful").asBoolean()).as("handshake reply %s", reply).isTrue();
        assertThat(reply.get("clientId").asString()).isNotBlank();
        assertThat(reply.get("version").asString()).isEqualTo("1.0");
        assertThat(reply.get("supportedConnectionTypes").toString()).isEqualTo("[\"long-polling\"]");
        assertThat(reply.at("/ext/replay").asBoolean()).isTrue();
        assertThat(reply.get("ext").get("payload.format").asBoolean()).isTrue();
        assertThat(reply.at("/advice/timeout").asLong()).isEqualTo(1000);
        assertThat(client.cookies.getCookieStore().getCookies()).extracting(java.net.HttpCookie::getName).contains("BAYEUX_BROWSER");
    }

    @Test
    void new_change_event_arrives_on_connect_in_the_documented_shape() {
        BayeuxExchange client = client();
        client.handshake();
        JsonNode subscribed = client.subscribe("/data/AccountChangeEvent", -1);
        client.connect();

        accountRenamed("New name");
        List<JsonNode> events = client.events(1);

        assertThat(subscribed.get("successful").asBoolean()).as("subscribe reply %s", subscribed).isTrue();
        assertThat(subscribed.get("subscription").asString()).isEqualTo("/data/AccountChangeEvent");
        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.get("channel").asString()).isEqualTo("/data/AccountChangeEvent");
        assertThat(event.at("/data/schema").isString()).isTrue();
        assertThat(event.at("/data/event/replayId").isIntegralNumber()).isTrue();
        JsonNode header = event.at("/data/payload/ChangeEventHeader");
        assertThat(header.get("entityName").asString()).isEqualTo("Account");
        assertThat(header.get("recordIds").toString()).isEqualTo("[\"001Sb00000AbCdEIAZ\"]");
        assertThat(header.get("changeType").asString()).isEqualTo("UPDATE");
        assertThat(header.get("changeOrigin").asString()).isEqualTo("com/salesforce/api/rest/62.0;client=portal");
        assertThat(header.get("transactionKey").asString()).isEqualTo("0001a2b3-New name");
        assertThat(header.get("sequenceNumber").asInt()).isEqualTo(1);
        assertThat(header.get("commitTimestamp").isIntegralNumber()).isTrue();
        assertThat(header.get("commitNumber").isIntegralNumber()).isTrue();
        assertThat(header.get("commitUser").asString()).isEqualTo(SalesforceSessions.USER_ID);
        assertThat(header.get("changedFields").toString()).isEqualTo("[\"Name\",\"LastModifiedDate\"]");
        assertThat(event.at("/data/payload/Name").asString()).isEqualTo("New name");
        assertThat(event.at("/data/payload/LastModifiedDate").asString()).isEqualTo("2026-04-05T12:34:56.000Z");
    }

    @Test
    void a_case_created_and_updated_through_rest_arrives_on_the_case_channel_as_create_then_update() throws Exception {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/CaseChangeEvent", -1);
        client.connect();

        String id = rest("POST", "/sobjects/Case", "{\"AccountId\":\"001Sb0000000001IAA\",\"Subject\":\"Slow line\",\"Origin\":\"Portal Website\"}")
                .get("id").asString();
        rest("PATCH", "/sobjects/Case/" + id, "{\"Status\":\"Working\",\"Priority\":\"High\"}");
        List<JsonNode> events = client.events(2);

        assertThat(events).extracting(e -> e.get("channel").asString()).containsOnly("/data/CaseChangeEvent");
        assertThat(events).extracting(e -> e.at("/data/payload/ChangeEventHeader/changeType").asString()).containsExactly("CREATE", "UPDATE");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.at("/data/payload/ChangeEventHeader/entityName").asString()).isEqualTo("Case");
            assertThat(e.at("/data/payload/ChangeEventHeader/recordIds").toString()).isEqualTo("[\"" + id + "\"]");
            assertThat(e.at("/data/payload/ChangeEventHeader/changeOrigin").asString()).startsWith("com/salesforce/api/rest/62.0;client=");
        });
        JsonNode created = events.get(0).at("/data/payload");
        assertThat(created.get("Subject").asString()).isEqualTo("Slow line");
        assertThat(created.get("Status").asString()).isEqualTo("New");
        assertThat(created.get("CaseNumber").asString()).matches("\\d{8}");
        JsonNode updated = events.get(1).at("/data/payload");
        assertThat(updated.at("/ChangeEventHeader/changedFields").toString()).isEqualTo("[\"Status\",\"Priority\",\"LastModifiedDate\"]");
        assertThat(updated.get("Status").asString()).isEqualTo("Working");
        assertThat(updated.has("Subject")).as("an update carries the changed fields only").isFalse();
    }

    @Test
    void an_order_item_added_through_rest_arrives_on_the_order_item_channel() throws Exception {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/OrderItemChangeEvent", -1);
        client.connect();

        String id = rest("POST", "/sobjects/OrderItem", "{\"OrderId\":\"801Sb0000000002IAA\",\"PricebookEntryId\":\"01uSb0000000107IAA\","
                + "\"Quantity\":1,\"UnitPrice\":550}").get("id").asString();
        List<JsonNode> events = client.events(1);

        assertThat(events).hasSize(1);
        JsonNode payload = events.getFirst().at("/data/payload");
        assertThat(payload.at("/ChangeEventHeader/entityName").asString()).isEqualTo("OrderItem");
        assertThat(payload.at("/ChangeEventHeader/changeType").asString()).isEqualTo("CREATE");
        assertThat(payload.at("/ChangeEventHeader/recordIds").toString()).isEqualTo("[\"" + id + "\"]");
        assertThat(payload.get("OrderId").asString()).isEqualTo("801Sb0000000002IAA");
        assertThat(payload.get("Quantity").asDouble()).isEqualTo(1.0);
        assertThat(payload.get("UnitPrice").asDouble()).isEqualTo(550.0);
    }

    @Test
    void replay_minus_two_sends_every_retained_event_in_replay_order() {
        accountRenamed("first");
        accountRenamed("second");
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/ChangeEvents", -2);

        List<JsonNode> events = client.events(2);

        assertThat(events).extracting(e -> e.at("/data/payload/Name").asString()).containsExactly("first", "second");
        assertThat(events).extracting(e -> e.get("channel").asString()).containsOnly("/data/ChangeEvents");
        assertThat(replayId(events.get(1))).isGreaterThan(replayId(events.get(0)));
    }

    @Test
    void replay_minus_one_sends_no_retained_event() {
        accountRenamed("before");
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/AccountChangeEvent", -1);
        client.connect();
        accountRenamed("after");

        assertThat(client.events(1)).extracting(e -> e.at("/data/payload/Name").asString()).containsExactly("after");
    }

    @Test
    void replay_after_a_retained_id_sends_exactly_the_later_events() {
        BayeuxExchange first = client();
        first.handshake();
        first.subscribe("/data/AccountChangeEvent", -2);
        accountRenamed("one");
        accountRenamed("two");
        accountRenamed("three");
        long afterOne = replayId(first.events(1).getFirst());

        BayeuxExchange second = client();
        second.handshake();
        second.subscribe("/data/AccountChangeEvent", afterOne);

        assertThat(second.events(2)).extracting(e -> e.at("/data/payload/Name").asString()).containsExactly("two", "three");
    }

    @Test
    void replay_ids_are_increasing_and_not_contiguous() {
        for (int i = 0; i < 10; i++) {
            accountRenamed("n" + i);
        }
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/ChangeEvents", -2);

        List<Long> ids = client.events(10).stream().map(SalesforceStreamingIT::replayId).toList();

        assertThat(ids).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(ids.getLast() - ids.getFirst()).as("gaps between ids %s", ids).isGreaterThan(9);
    }

    @Test
    void unknown_replay_id_is_refused_with_salesforce_text() {
        BayeuxExchange client = client();
        client.handshake();

        JsonNode reply = client.subscribe("/data/AccountChangeEvent", 123);

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString()).isEqualTo("400::The replayId {123} you provided was invalid. "
                + "Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
    }

    @Test
    void expired_events_make_their_replay_id_invalid() {
        accountRenamed("old");
        BayeuxExchange reader = client();
        reader.handshake();
        reader.subscribe("/data/AccountChangeEvent", -2);
        long stored = replayId(reader.events(1).getFirst());
        streams.expireUpTo(java.time.Instant.now());

        BayeuxExchange client = client();
        client.handshake();
        JsonNode reply = client.subscribe("/data/AccountChangeEvent", stored);

        assertThat(reply.get("error").asString()).startsWith("400::The replayId {" + stored + "} you provided was invalid.");
    }

    @Test
    void unknown_channel_is_refused() {
        BayeuxExchange client = client();
        client.handshake();

        JsonNode reply = client.subscribe("/data/WidgetChangeEvent", -1);

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString())
                .isEqualTo("400::The channel you requested to subscribe to doesn't exist {/data/WidgetChangeEvent}");
    }

    @Test
    void request_without_token_requires_authentication() {
        BayeuxExchange client = new BayeuxExchange(url("/salesforce/cometd/62.0"), null);

        JsonNode reply = client.handshake();

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString()).isEqualTo("401::Request requires authentication");
    }

    @Test
    void handshake_with_invalid_token_is_denied_with_the_401_nested() {
        BayeuxExchange client = new BayeuxExchange(url("/salesforce/cometd/62.0"), "Bearer 00DSb0000000001!nope");

        JsonNode reply = client.handshake();

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString()).isEqualTo("403::Handshake denied");
        assertThat(reply.at("/ext/sfdc/failureReason").asString()).isEqualTo("401::Authentication invalid");
        assertThat(reply.at("/advice/reconnect").asString()).isEqualTo("none");
    }

    @Test
    void connect_after_the_session_expired_is_authentication_invalid() {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/AccountChangeEvent", -1);
        sessions.expireAll();

        JsonNode reply = client.connect().getFirst();

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString()).isEqualTo("401::Authentication invalid");
        assertThat(reply.at("/advice/reconnect").asString()).isEqualTo("none");
    }

    @Test
    void missing_or_too_old_api_version_is_refused() {
        JsonNode missing = new BayeuxExchange(url("/salesforce/cometd"), "Bearer " + token).handshake();
        JsonNode old = new BayeuxExchange(url("/salesforce/cometd/36.0"), "Bearer " + token).handshake();

        assertThat(missing.get("error").asString()).startsWith("400::API version in the URI is mandatory");
        assertThat(old.get("successful").asBoolean()).isFalse();
        assertThat(old.get("error").asString()).startsWith("400::API version 36.0 is not supported");
    }

    @Test
    void message_type_appended_to_the_url_by_cometd_clients_is_accepted() {
        JsonNode reply = new BayeuxExchange(url("/salesforce/cometd/62.0/handshake"), "Bearer " + token).handshake();

        assertThat(reply.get("successful").asBoolean()).as("handshake reply %s", reply).isTrue();
    }

    @Test
    void client_that_does_not_reconnect_in_time_is_an_unknown_client() {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/AccountChangeEvent", -1);
        client.connect();

        await().atMost(Duration.ofSeconds(10)).until(() -> bayeux.getSession(client.clientId) == null);
        JsonNode reply = client.connect().getFirst();

        assertThat(reply.get("successful").asBoolean()).isFalse();
        assertThat(reply.get("error").asString()).isEqualTo("403::Unknown client");
        assertThat(reply.at("/advice/reconnect").asString()).isEqualTo("handshake");
    }

    @Test
    void dropped_clients_get_unknown_client_on_their_next_message() throws Exception {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/AccountChangeEvent", -1);
        client.connect();

        HttpResponse<String> dropped = http.send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/streaming/clients/drop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode reply = client.connect().getFirst();

        assertThat(dropped.body()).isEqualTo("{\"dropped\":1}");
        assertThat(reply.get("error").asString()).isEqualTo("403::Unknown client");
    }

    @Test
    void gap_event_emitted_by_the_admin_api_carries_the_header_only() throws Exception {
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/OrderChangeEvent", -1);
        client.connect();

        HttpResponse<String> emitted = http.send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/streaming/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entityName\":\"Order\",\"changeType\":\"GAP_UPDATE\",\"fields\":{\"Status\":\"Activated\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode event = client.events(1).getFirst();

        assertThat(emitted.statusCode()).isEqualTo(200);
        assertThat(BayeuxExchange.JSON.readTree(emitted.body()).at("/replayIds/0").asLong()).isEqualTo(replayId(event));
        assertThat(event.at("/data/payload/ChangeEventHeader/changeType").asString()).isEqualTo("GAP_UPDATE");
        assertThat(event.at("/data/payload/ChangeEventHeader/recordIds/0").asString()).startsWith("801");
        assertThat(event.at("/data/payload").propertyNames()).containsExactly("ChangeEventHeader");
    }

    @Test
    void load_scenario_emits_the_requested_number_of_update_events() throws Exception {
        HttpResponse<String> loaded = http.send(HttpRequest.newBuilder(url("/sandbox/admin/salesforce/streaming/events/load"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entityName\":\"Product2\",\"count\":50}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/Product2ChangeEvent", -2);

        List<JsonNode> events = client.events(50);

        assertThat(BayeuxExchange.JSON.readTree(loaded.body()).get("count").asInt()).isEqualTo(50);
        assertThat(events).hasSize(50);
        assertThat(events).extracting(e -> e.at("/data/payload/ChangeEventHeader/changeType").asString()).containsOnly("UPDATE");
        assertThat(events.stream().map(SalesforceStreamingIT::replayId).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void reset_forgets_retained_events() {
        accountRenamed("before reset");
        streams.reset();
        BayeuxExchange client = client();
        client.handshake();
        client.subscribe("/data/ChangeEvents", -2);

        List<JsonNode> answer = client.connect();

        assertThat(answer).extracting(m -> m.get("channel").asString()).containsExactly("/meta/connect");
    }
}
