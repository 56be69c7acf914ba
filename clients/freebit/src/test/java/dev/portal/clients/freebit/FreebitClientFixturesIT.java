package dev.portal.clients.freebit;

import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.ExternalUnavailableException;
import dev.portal.clients.support.HttpSettings;
import dev.portal.platform.test.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static dev.portal.platform.test.FixtureServer.html;
import static dev.portal.platform.test.FixtureServer.json;
import static dev.portal.platform.test.FixtureServer.resource;
import static dev.portal.platform.test.FixtureServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against recorded emptool answers on a real loopback server: exact bytes in, typed results or errors out. */
class FreebitClientFixturesIT {

    private static final String API = "/emptool/api";
    private static final String JSON = "application/json";
    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withReadTimeout(Duration.ofSeconds(2)).withRetry(1, Duration.ofMillis(5));

    private FixtureServer server;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        server.on("POST", API + "/authOem/", fixture("authOem.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FreebitClient client(FreebitClientProperties.Encoding encoding) {
        return FreebitClient.unobserved(FreebitClientProperties.of(URI.create(server.baseUrl() + API), "oem-1", "key-1")
                .withEncoding(encoding).withHttp(FAST));
    }

    private FreebitClient client() {
        return client(FreebitClientProperties.Encoding.URLENCODED);
    }

    private static FixtureServer.Body fixture(String name) {
        return resource(200, "application/json;charset=UTF-8", "fixtures/freebit/" + name);
    }

    private List<FixtureServer.Recorded> requestsTo(String path) {
        return server.requests().stream().filter(r -> r.path().equals(API + path)).toList();
    }

    private static String jsonField(FixtureServer.Recorded request) {
        String body = request.bodyText();
        assertThat(body).as("urlencoded body").startsWith("json=");
        return URLDecoder.decode(body.substring("json=".length()), StandardCharsets.UTF_8);
    }

    @Test
    void sends_the_request_json_urlencoded_in_the_json_field_with_the_authKey() {
        server.on("POST", API + "/mvno/getTrafficInfo/", fixture("getTrafficInfo.json"));

        client().trafficInfo("09012345678");

        FixtureServer.Recorded auth = requestsTo("/authOem/").getFirst();
        assertThat(auth.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(jsonField(auth)).isEqualTo("{\"oemId\":\"oem-1\",\"oemKey\":\"key-1\"}");
        FixtureServer.Recorded call = requestsTo("/mvno/getTrafficInfo/").getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(jsonField(call)).isEqualTo("{\"authKey\":\"fixture-key-1\",\"account\":\"09012345678\"}");
    }

    @Test
    void multipart_setting_sends_the_json_field_as_a_form_data_part() {
        server.on("POST", API + "/mvno/getTrafficInfo/", fixture("getTrafficInfo.json"));

        client(FreebitClientProperties.Encoding.MULTIPART).trafficInfo("09012345678");

        FixtureServer.Recorded call = requestsTo("/mvno/getTrafficInfo/").getFirst();
        assertThat(call.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(call.bodyText()).contains("name=\"json\"").contains("{\"authKey\":\"fixture-key-1\",\"account\":\"09012345678\"}");
    }

    @Test
    void getDetail_sends_version_2_and_reads_the_first_responseDatas_entry() {
        server.on("POST", API + "/mvno/getDetail/", fixture("getDetail.json"));

        AccountDetail detail = client().accountDetail("07033334444");

        assertThat(jsonField(requestsTo("/mvno/getDetail/").getFirst())).isEqualTo(
                "{\"authKey\":\"fixture-key-1\",\"version\":\"2\",\"requestDatas\":[{\"kind\":\"MVNO\",\"account\":\"07033334444\"}]}");
        assertThat(detail.esim()).isTrue();
        assertThat(detail.contractLine()).isEqualTo(ContractLine.NR_5G);
        assertThat(detail.remainingKb()).isEqualTo(15_667_200L);
        assertThat(detail.talkOptions()).containsEntry("voiceMail", true).containsEntry("callWaiting", false);
        assertThat(detail.reservedOrders()).singleElement().satisfies(order -> {
            assertThat(order.order()).isEqualTo("changePlan");
            assertThat(order.runTime()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(order.details()).containsEntry("planCode", "VOICE_10GB");
        });
    }

    @Test
    void traffic_figures_are_read_from_strings_as_kilobytes() {
        server.on("POST", API + "/mvno/getTrafficInfo/", fixture("getTrafficInfo.json"));

        TrafficInfo traffic = client().trafficInfo("09012345678");

        assertThat(traffic.remainingKb()).isEqualTo(6_389_760L);
        assertThat(traffic.days()).containsExactly(
                new TrafficInfo.DailyUsage(LocalDate.of(2026, 11, 22), 148_480L),
                new TrafficInfo.DailyUsage(LocalDate.of(2026, 11, 21), 532_480L));
    }

    @Test
    void resultCode_given_as_a_number_is_read_like_the_string() {
        server.on("POST", API + "/master/addSpec/", json(200, "{\"resultCode\":100,\"status\":{\"message\":\"OK\",\"statusCode\":200}}"));

        client().addQuota(new QuotaTopUp("09012345678", 1000, "TOPUP-1", null));

        assertThat(jsonField(requestsTo("/master/addSpec/").getFirst()))
                .isEqualTo("{\"authKey\":\"fixture-key-1\",\"kind\":\"MVNO\",\"account\":\"09012345678\",\"quota\":\"1000\",\"quotaCode\":\"TOPUP-1\"}");
    }

    @Test
    void numeric_error_resultCode_is_a_typed_refusal() {
        server.on("POST", API + "/master/addSpec/", json(200, "{\"resultCode\":211,\"status\":{\"message\":\"quota must be 1..512000\",\"statusCode\":400}}"));

        assertThatThrownBy(() -> client().addQuota(new QuotaTopUp("09012345678", 1000, null, null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("211");
                    assertThat(e.verdict().statusCode()).isEqualTo("400");
                    assertThat(e.verdict().message()).contains("quota");
                });
    }

    @Test
    void esim_unsupported_pattern_carries_result_and_status_codes() {
        server.on("POST", API + "/mvno/esim/addAcnt/", fixture("esim-unsupported-pattern.json"));

        assertThatThrownBy(() -> client().reissueEsim(new EsimReissue("07033334444", "89049032000000000000000000000099", null, null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("400");
                    assertThat(e.verdict().statusCode()).isEqualTo("356");
                })
                .hasMessageContaining("freebit esimReissue");
    }

    @Test
    void error_envelope_with_an_http_error_status_is_still_the_vendor_refusal() {
        server.on("POST", API + "/mvno/changePlan/", json(400, "{\"resultCode\":\"231\",\"status\":{\"message\":\"retry in 12 minutes\",\"statusCode\":\"409\"}}"));

        assertThatThrownBy(() -> client().changePlan(new PlanChange("09012345678", "VOICE_20GB", false, null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("231");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void expired_authKey_is_renewed_once_and_the_call_sent_again_with_the_new_key() {
        server.on("POST", API + "/authOem/", fixture("authOem.json"), fixture("authOem-renewed.json"));
        server.on("POST", API + "/mvno/getTrafficInfo/", fixture("getTrafficInfo.json"), fixture("authKey-expired.json"),
                fixture("getTrafficInfo.json"));
        FreebitClient client = client();
        client.trafficInfo("09012345678");

        TrafficInfo traffic = client.trafficInfo("09012345678");

        assertThat(traffic.account()).isEqualTo("09012345678");
        assertThat(requestsTo("/authOem/")).as("authOem calls: first use and one renewal").hasSize(2);
        List<FixtureServer.Recorded> calls = requestsTo("/mvno/getTrafficInfo/");
        assertThat(calls).hasSize(3);
        assertThat(jsonField(calls.get(1))).contains("fixture-key-1");
        assertThat(jsonField(calls.get(2))).contains("fixture-key-2");
    }

    @Test
    void a_renewed_authKey_refused_again_is_an_authentication_error_after_two_sends() {
        server.on("POST", API + "/master/cnclAcnt/", fixture("authKey-expired.json"));

        assertThatThrownBy(() -> client().cancel("08011112222", LocalDate.of(2026, 12, 31)))
                .isInstanceOfSatisfying(FreebitAuthenticationException.class, e -> assertThat(e.verdict().resultCode()).isEqualTo("201"));
        assertThat(requestsTo("/master/cnclAcnt/")).hasSize(2);
    }

    @Test
    void refused_oem_credentials_are_an_authentication_error() {
        server.on("POST", API + "/authOem/", fixture("authOem-refused.json"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOfSatisfying(FreebitAuthenticationException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("200");
                    assertThat(e.verdict().message()).contains("oemKey");
                });
        assertThat(requestsTo("/mvno/getTrafficInfo/")).as("no call without a key").isEmpty();
    }

    @Test
    void html_maintenance_page_is_an_unreadable_answer_naming_it() {
        server.on("POST", API + "/mvno/getTrafficInfo/", resource(200, "text/html; charset=UTF-8", "fixtures/freebit/maintenance.html"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOf(ExternalResponseException.class)
                .hasMessageContaining("HTML").hasMessageContaining("Maintenance");
    }

    @Test
    void html_503_page_is_unavailable() {
        server.on("POST", API + "/mvno/getTrafficInfo/", html(503, "<html><body>Service Unavailable</body></html>"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOfSatisfying(ExternalUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void truncated_json_is_an_unreadable_answer() {
        server.on("POST", API + "/mvno/getTrafficInfo/", json(200, "{\"resultCode\":\"100\",\"status\":{\"message\":\"OK\",\"statusCo"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("unreadable JSON");
    }

    @Test
    void connection_dropped_mid_answer_is_unavailable() {
        server.on("POST", API + "/mvno/getTrafficInfo/", truncated(200, "{\"resultCode\":\"100\",\"sta", 400));

        assertThatThrownBy(() -> client().trafficInfo("09012345678")).isInstanceOf(ExternalUnavailableException.class);
    }

    @Test
    void answer_without_resultCode_is_unreadable() {
        server.on("POST", API + "/mvno/getTrafficInfo/", json(200, "{\"status\":{\"message\":\"OK\"}}"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("no resultCode");
    }

    @Test
    void wrong_type_in_a_field_is_unreadable_not_a_null_pointer() {
        server.on("POST", API + "/mvno/getTrafficInfo/", json(200,
                "{\"resultCode\":\"100\",\"status\":{},\"account\":\"09012345678\",\"remainingQuota\":\"lots\",\"trafficHistory\":[]}"));

        assertThatThrownBy(() -> client().trafficInfo("09012345678"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("lots");
    }

    @Test
    void detail_without_responseDatas_is_unreadable() {
        server.on("POST", API + "/mvno/getDetail/", json(200, "{\"resultCode\":\"100\",\"status\":{\"message\":\"OK\",\"statusCode\":\"200\"}}"));

        assertThatThrownBy(() -> client().accountDetail("09012345678"))
                .isInstanceOf(ExternalResponseException.class).hasMessageContaining("responseDatas");
    }
}
