package dev.portal.sandbox.freebit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emptool API called the way the (translated) Freebit docs and public code call it: POST, one form field
 * {@code json} holding the request JSON, urlencoded or multipart; answers in the envelope with string codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FreebitApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String HANAKO = "09012345678";
    private static final String AIKO_DATA = "08011112222";
    private static final String AIKO_ESIM = "07033334444";

    @Value("${local.server.port}")
    int port;

    @Autowired
    FreebitLines lines;

    @Autowired
    FreebitActivations activations;

    private final HttpClient http = HttpClient.newHttpClient();
    private String authKey;

    @BeforeEach
    void seed() throws Exception {
        lines.reset();
        activations.reset();
        authKey = form("authOem/", "{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}").get("authKey").asString();
    }

    // ---- transport and envelope ----

    @Test
    void authOem_answers_the_envelope_with_string_codes_and_an_authKey() throws Exception {
        HttpResponse<String> response = post("authOem/", "application/x-www-form-urlencoded",
                "json=" + enc("{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("resultCode").isString()).as("resultCode is a string: %s", body).isTrue();
        assertThat(body.get("resultCode").asString()).isEqualTo("100");
        assertThat(body.get("status").get("message").asString()).isEqualTo("OK");
        assertThat(body.get("status").get("statusCode").asString()).isEqualTo("200");
        assertThat(body.get("authKey").asString()).isNotBlank();
    }

    @Test
    void multipart_json_field_with_a_version_field_is_accepted() throws Exception {
        JsonNode body = multipart("mvno/getDetail/", "{\"authKey\":\"" + authKey
                + "\",\"requestDatas\":[{\"kind\":\"MVNO\",\"account\":\"" + HANAKO + "\"}]}", "2");

        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(body.get("responseDatas").get(0).get("account").asString()).isEqualTo(HANAKO);
    }

    @Test
    void multipart_json_sent_as_a_file_part_is_accepted() throws Exception {
        String boundary = "----emptoolfile";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"; filename=\"blob\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"authKey\":\"" + authKey + "\",\"account\":\"" + AIKO_DATA + "\"}\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = post("mvno/getTrafficInfo/", "multipart/form-data; boundary=" + boundary, body);

        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("resultCode").asString()).as("%s", answer).isEqualTo("100");
        assertThat(answer.get("account").asString()).isEqualTo(AIKO_DATA);
    }

    @Test
    void seed_auth_path_is_served_too() throws Exception {
        JsonNode body = form("authOem/getAuthKey", "{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}");

        assertThat(body.get("resultCode").asString()).isEqualTo("100");
    }

    @Test
    void wrong_oem_key_is_refused_without_an_authKey() throws Exception {
        JsonNode body = form("authOem/", "{\"oemId\":\"sandbox-oem\",\"oemKey\":\"nope\"}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.OEM_AUTH_FAILED);
        assertThat(body.get("status").get("statusCode").asString()).isEqualTo("401");
        assertThat(body.has("authKey")).isFalse();
    }

    @Test
    void unknown_authKey_is_an_auth_error() throws Exception {
        JsonNode body = form("mvno/getTrafficInfo/", "{\"authKey\":\"not-a-key\",\"account\":\"" + HANAKO + "\"}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.AUTH_KEY_INVALID);
        assertThat(body.get("status").get("message").asString()).contains("authKey");
    }

    @Test
    void the_admin_clock_reports_its_offset_to_the_millisecond_for_services_that_follow_it() throws Exception {
        lines.advance(Duration.ofMinutes(10).plusMillis(250));

        HttpResponse<String> clock = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/admin/freebit/clock"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = JSON.readTree(clock.body());
        assertThat(body.path("offsetMillis").asLong()).isEqualTo(600_250L);
        assertThat(body.path("offsetMinutes").asLong()).isEqualTo(10L);
    }

    @Test
    void authKey_expires_after_its_lifetime_on_the_sandbox_clock() throws Exception {
        assertThat(traffic(HANAKO).get("resultCode").asString()).isEqualTo("100");

        lines.advance(Duration.ofMinutes(61));

        assertThat(traffic(HANAKO).get("resultCode").asString()).isEqualTo(FreebitError.AUTH_KEY_INVALID);
    }

    @Test
    void request_without_json_field_is_refused_in_the_envelope() throws Exception {
        HttpResponse<String> response = post("mvno/getTrafficInfo/", "application/x-www-form-urlencoded", "account=" + HANAKO);

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.REQUEST_UNREADABLE);
        assertThat(body.get("status").get("message").asString()).contains("json");
    }

    @Test
    void unknown_account_is_refused() throws Exception {
        assertThat(traffic("09099999999").get("resultCode").asString()).isEqualTo(FreebitError.ACCOUNT_NOT_FOUND);
    }

    @Test
    void account_with_hyphens_is_invalid() throws Exception {
        assertThat(traffic("090-1234-5678").get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
    }

    // ---- reads ----

    @Test
    void getDetail_reports_the_seeded_esim_line() throws Exception {
        JsonNode detail = detail(AIKO_ESIM);

        assertThat(detail.get("kind").asString()).isEqualTo("MVNO");
        assertThat(detail.get("planCode").asString()).isEqualTo("VOICE_20GB");
        assertThat(detail.get("contractLine").asString()).isEqualTo("5G");
        assertThat(detail.get("simKind").asString()).isEqualTo("esim");
        assertThat(detail.get("eid").asString()).isEqualTo("89049032000000000000000000000001");
        assertThat(detail.get("productNumber").asString()).isEqualTo("DN0000000000003");
        assertThat(detail.get("state").asString()).isEqualTo("active");
        assertThat(detail.get("remainingQuota").asString()).isEqualTo(Long.toString(15_300L * 1024));
        assertThat(detail.get("talkOption").get("voiceMail").asString()).isEqualTo("10");
    }

    @Test
    void getDetail_refuses_another_version() throws Exception {
        JsonNode body = form("mvno/getDetail/", "{\"authKey\":\"" + authKey + "\",\"version\":\"1\",\"requestDatas\":[{\"kind\":\"MVNO\",\"account\":\""
                + HANAKO + "\"}]}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
    }

    @Test
    void getTrafficInfo_reports_remaining_quota_and_daily_usage_in_kilobytes_as_strings() throws Exception {
        JsonNode body = traffic(HANAKO);

        assertThat(body.get("account").asString()).isEqualTo(HANAKO);
        assertThat(body.get("remainingQuota").isString()).isTrue();
        assertThat(body.get("remainingQuota").asString()).isEqualTo(Long.toString(6_240L * 1024));
        JsonNode days = body.get("trafficHistory");
        assertThat(days).hasSize(3);
        assertThat(days.get(0).get("date").asString()).isEqualTo(today().minusDays(1).format(YYYYMMDD));
        assertThat(days.get(0).get("usage").asString()).isEqualTo(Long.toString(145L * 1024));
    }

    // ---- quota ----

    @Test
    void addSpec_adds_quota_in_megabytes_at_once() throws Exception {
        JsonNode body = write("master/addSpec/", "\"kind\":\"MVNO\",\"account\":\"" + HANAKO
                + "\",\"quota\":\"1000\",\"quotaCode\":\"PORTAL-TOPUP-1\",\"expire\":\"" + today().plusDays(30).format(YYYYMMDD) + "\"");

        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(traffic(HANAKO).get("remainingQuota").asString()).isEqualTo(Long.toString((6_240L + 1_000) * 1024));
    }

    @Test
    void addSpec_refuses_quota_outside_1_to_512000() throws Exception {
        JsonNode body = write("master/addSpec/", "\"kind\":\"MVNO\",\"account\":\"" + HANAKO + "\",\"quota\":\"512001\"");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
        assertThat(body.get("status").get("message").asString()).contains("quota");
    }

    @Test
    void eachQuota_with_runTime_adds_quota_when_the_clock_reaches_it() throws Exception {
        JsonNode body = write("mvno/eachQuota/", "\"account\":\"" + AIKO_DATA + "\",\"quota\":\"500\",\"runTime\":\""
                + today().plusDays(1).format(YYYYMMDD) + "\"");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(traffic(AIKO_DATA).get("remainingQuota").asString()).isEqualTo(Long.toString(1_150L * 1024));

        lines.advance(Duration.ofDays(1));
        authKey = form("authOem/", "{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}").get("authKey").asString();

        assertThat(traffic(AIKO_DATA).get("remainingQuota").asString()).isEqualTo(Long.toString(1_650L * 1024));
    }

    // ---- plan change ----

    @Test
    void changePlan_is_reserved_for_the_first_of_next_month() throws Exception {
        JsonNode body = write("mvno/changePlan/", "\"account\":\"" + HANAKO + "\",\"planCode\":\"VOICE_20GB\",\"globalIp\":\"20\"");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");

        JsonNode detail = detail(HANAKO);
        assertThat(detail.get("planCode").asString()).as("not before the 1st").isEqualTo("VOICE_10GB");
        JsonNode reserved = detail.get("reservedOrders").get(0);
        assertThat(reserved.get("order").asString()).isEqualTo("changePlan");
        assertThat(reserved.get("runTime").asString()).isEqualTo(today().withDayOfMonth(1).plusMonths(1).format(YYYYMMDD));
    }

    @Test
    void reserved_plan_change_takes_effect_when_the_clock_reaches_its_day() throws Exception {
        write("mvno/changePlan/", "\"account\":\"" + HANAKO + "\",\"planCode\":\"VOICE_20GB\",\"runTime\":\""
                + today().plusDays(2).format(YYYYMMDD) + "\"");

        lines.advance(Duration.ofDays(2));

        assertThat(lines.<String>read(HANAKO, line -> line.planCode)).isEqualTo("VOICE_20GB");
    }

    @Test
    void changePlan_with_a_global_ip_answers_the_addresses() throws Exception {
        JsonNode body = write("mvno/changePlan/", "\"account\":\"" + HANAKO + "\",\"planCode\":\"VOICE_20GB\",\"globalIp\":\"10\"");

        assertThat(body.get("ipv4").asString()).startsWith("203.0.113.");
        assertThat(body.get("ipv6").asString()).startsWith("2001:db8::");
    }

    // ---- voice options, network type, the 30-minute rule ----

    @Test
    void talkOption_change_requires_userConfirmed_10() throws Exception {
        JsonNode body = write("mvno/talkoption/changeOrder/", "\"account\":\"" + HANAKO + "\",\"talkOption\":{\"voiceMail\":\"20\"}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
        assertThat(body.get("status").get("message").asString()).contains("userConfirmed");
    }

    @Test
    void talkOption_change_requires_a_non_empty_talkOption() throws Exception {
        JsonNode body = write("mvno/talkoption/changeOrder/", "\"account\":\"" + HANAKO + "\",\"userConfirmed\":\"10\",\"talkOption\":{}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
    }

    @Test
    void talkOption_change_is_asynchronous_and_locks_the_line_until_done() throws Exception {
        JsonNode body = write("mvno/talkoption/changeOrder/", "\"account\":\"" + HANAKO
                + "\",\"userConfirmed\":\"10\",\"aladinOperated\":\"20\",\"talkOption\":{\"voiceMail\":\"20\"}");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(detail(HANAKO).get("state").asString()).isEqualTo("processing");
        JsonNode refused = write("master/addSpec/", "\"account\":\"" + HANAKO + "\",\"quota\":\"100\"");
        assertThat(refused.get("resultCode").asString()).as("locked line").isEqualTo(FreebitError.PROCESSING);

        lines.advance(Duration.ofMinutes(5));

        JsonNode detail = detail(HANAKO);
        assertThat(detail.get("state").asString()).isEqualTo("active");
        assertThat(detail.get("talkOption").get("voiceMail").asString()).isEqualTo("20");
    }

    @Test
    void talkOption_change_on_a_data_only_line_is_not_applicable() throws Exception {
        JsonNode body = write("mvno/talkoption/changeOrder/", "\"account\":\"" + AIKO_DATA
                + "\",\"userConfirmed\":\"10\",\"talkOption\":{\"voiceMail\":\"10\"}");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.NOT_APPLICABLE);
    }

    @Test
    void changes_of_plan_voice_and_network_need_30_minutes_between_them() throws Exception {
        write("mvno/talkoption/changeOrder/", "\"account\":\"" + HANAKO + "\",\"userConfirmed\":\"10\",\"talkOption\":{\"worldWing\":\"10\"}");
        lines.advance(Duration.ofMinutes(10));

        JsonNode tooSoon = write("mvno/contractline/change/", "\"account\":\"" + HANAKO + "\",\"contractLine\":\"5G\"");
        assertThat(tooSoon.get("resultCode").asString()).as("%s", tooSoon).isEqualTo(FreebitError.INTERVAL_NOT_ELAPSED);
        JsonNode planTooSoon = write("mvno/changePlan/", "\"account\":\"" + HANAKO + "\",\"planCode\":\"VOICE_20GB\"");
        assertThat(planTooSoon.get("resultCode").asString()).isEqualTo(FreebitError.INTERVAL_NOT_ELAPSED);

        lines.advance(Duration.ofMinutes(20));

        JsonNode accepted = write("mvno/contractline/change/", "\"account\":\"" + HANAKO + "\",\"contractLine\":\"5G\"");
        assertThat(accepted.get("resultCode").asString()).as("%s", accepted).isEqualTo("100");
    }

    @Test
    void contract_line_change_takes_30_minutes_with_the_line_locked() throws Exception {
        JsonNode body = write("mvno/contractline/change/", "\"account\":\"" + HANAKO + "\",\"contractLine\":\"5G\",\"productNumber\":\"AX0000000000001\"");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");

        lines.advance(Duration.ofMinutes(29));
        assertThat(detail(HANAKO).get("contractLine").asString()).isEqualTo("4G");
        JsonNode refused = write("master/cnclAcnt/", "\"kind\":\"MVNO\",\"account\":\"" + HANAKO + "\"");
        assertThat(refused.get("resultCode").asString()).isEqualTo(FreebitError.PROCESSING);

        lines.advance(Duration.ofMinutes(1));
        assertThat(detail(HANAKO).get("contractLine").asString()).isEqualTo("5G");
    }

    @Test
    void contract_line_change_to_the_current_line_is_not_applicable() throws Exception {
        JsonNode body = write("mvno/contractline/change/", "\"account\":\"" + AIKO_ESIM + "\",\"contractLine\":\"5G\"");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.NOT_APPLICABLE);
    }

    // ---- cancellation ----

    @Test
    void cnclAcnt_with_a_slashed_runDate_cancels_ten_minutes_after_that_day_starts() throws Exception {
        LocalDate runDate = today().plusDays(3);
        JsonNode body = write("master/cnclAcnt/", "\"kind\":\"MVNO\",\"account\":\"" + AIKO_DATA + "\",\"runDate\":\""
                + runDate.format(DateTimeFormatter.ofPattern("uuuu/MM/dd")) + "\"");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(detail(AIKO_DATA).get("cancelDate").asString()).isEqualTo(runDate.format(YYYYMMDD));

        lines.setClock(runDate.atStartOfDay(TOKYO).toInstant().plus(Duration.ofMinutes(10)));
        authKey = form("authOem/", "{\"oemId\":\"sandbox-oem\",\"oemKey\":\"sandbox-key\"}").get("authKey").asString();

        assertThat(detail(AIKO_DATA).get("state").asString()).isEqualTo("cancelled");
        JsonNode refused = write("master/addSpec/", "\"account\":\"" + AIKO_DATA + "\",\"quota\":\"100\"");
        assertThat(refused.get("resultCode").asString()).isEqualTo(FreebitError.ACCOUNT_CANCELLED);
    }

    @Test
    void cnclAcnt_requires_kind_MVNO() throws Exception {
        JsonNode body = write("master/cnclAcnt/", "\"account\":\"" + AIKO_DATA + "\"");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.INVALID_PARAMETER);
    }

    @Test
    void releasePlan_alias_cancels_immediately_and_twice_is_refused() throws Exception {
        JsonNode body = write("mvno/releasePlan/", "\"account\":\"" + AIKO_DATA + "\"");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");

        JsonNode again = write("mvno/releasePlan/", "\"account\":\"" + AIKO_DATA + "\"");
        assertThat(again.get("resultCode").asString()).isEqualTo(FreebitError.PROCESSING);

        lines.advance(Duration.ofMinutes(10));
        assertThat(detail(AIKO_DATA).get("state").asString()).isEqualTo("cancelled");
    }

    // ---- new lines ----

    @Test
    void addAcnt_registers_a_new_line_that_is_processing_until_its_activation_completes() throws Exception {
        JsonNode body = write("master/addAcnt/", "\"kind\":\"MVNO\",\"account\":\"09000000001\",\"planCode\":\"VOICE_10GB\"");

        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(body.get("productNumber").asString()).matches("AX\\d{13}");
        assertThat(detail("09000000001").get("state").asString()).isEqualTo("processing");
        assertThat(detail("09000000001").get("reservedOrders").get(0).get("order").asString()).isEqualTo("activation");

        lines.advance(Duration.ofMinutes(5));

        JsonNode detail = detail("09000000001");
        assertThat(detail.get("state").asString()).isEqualTo("active");
        assertThat(detail.get("voice").asString()).isEqualTo("10");
        assertThat(detail.get("contractLine").asString()).isEqualTo("4G");
        assertThat(write("master/addAcnt/", "\"account\":\"09000000001\",\"planCode\":\"VOICE_10GB\"").get("resultCode").asString())
                .as("an account is registered once").isEqualTo(FreebitError.ACCOUNT_EXISTS);
    }

    @Test
    void esim_addKind_N_registers_a_new_esim_line() throws Exception {
        String eid = "89049032000000000000000000000077";
        JsonNode body = write("mvno/esim/addAcnt/", "\"aladinOperated\":\"20\",\"createType\":\"new\",\"addKind\":\"N\","
                + "\"account\":\"07000000002\",\"eid\":\"" + eid + "\",\"planCode\":\"DATA_3GB\",\"contractLine\":\"5G\"");

        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        JsonNode detail = detail("07000000002");
        assertThat(detail.get("simKind").asString()).isEqualTo("esim");
        assertThat(detail.get("eid").asString()).isEqualTo(eid);
        assertThat(detail.get("voice").asString()).isEqualTo("20");
    }

    @Test
    void an_activation_the_scenario_refuses_is_a_permanent_refusal_and_no_line_appears() throws Exception {
        activations.set(new FreebitActivations.Behaviour(Duration.ofMinutes(5), java.util.Set.of("09000000003"), false,
                "no stock of SIM cards"));

        JsonNode body = write("master/addAcnt/", "\"account\":\"09000000003\",\"planCode\":\"DATA_3GB\"");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.ACTIVATION_REFUSED);
        assertThat(body.get("status").get("message").asString()).contains("no stock of SIM cards");
        assertThat(form("mvno/getDetail/", "{\"authKey\":\"" + authKey + "\",\"version\":\"2\",\"requestDatas\":[{\"kind\":\"MVNO\","
                + "\"account\":\"09000000003\"}]}").get("resultCode").asString()).isEqualTo(FreebitError.ACCOUNT_NOT_FOUND);
    }

    // ---- eSIM ----

    @Test
    void esim_reissue_gives_the_line_the_new_eid_once_done() throws Exception {
        String newEid = "89049032000000000000000000000099";
        JsonNode body = write("mvno/esim/addAcnt/", "\"aladinOperated\":\"20\",\"addKind\":\"R\",\"account\":\"" + AIKO_ESIM
                + "\",\"eid\":\"" + newEid + "\",\"reissue\":{\"oldProductNumber\":\"DN0000000000003\",\"oldEid\":\"89049032000000000000000000000001\"}");
        assertThat(body.get("resultCode").asString()).as("%s", body).isEqualTo("100");
        assertThat(detail(AIKO_ESIM).get("state").asString()).isEqualTo("processing");

        lines.advance(Duration.ofMinutes(10));

        JsonNode detail = detail(AIKO_ESIM);
        assertThat(detail.get("eid").asString()).isEqualTo(newEid);
        assertThat(detail.get("productNumber").asString()).matches("[A-Z]{2}\\d{13}").isNotEqualTo("DN0000000000003");
    }

    @Test
    void esim_with_aladinOperated_10_and_a_reissue_is_the_400_356_error() throws Exception {
        JsonNode body = write("mvno/esim/addAcnt/", "\"aladinOperated\":\"10\",\"addKind\":\"R\",\"account\":\"" + AIKO_ESIM
                + "\",\"eid\":\"89049032000000000000000000000099\"");

        assertThat(body.get("resultCode").asString()).isEqualTo("400");
        assertThat(body.get("status").get("statusCode").asString()).isEqualTo("356");
    }

    @Test
    void esim_reissue_of_a_physical_sim_is_not_applicable() throws Exception {
        JsonNode body = write("mvno/reissueEsim/", "\"account\":\"" + HANAKO + "\",\"eid\":\"89049032000000000000000000000099\"");

        assertThat(body.get("resultCode").asString()).isEqualTo(FreebitError.NOT_APPLICABLE);
    }

    // ---- helpers ----

    private LocalDate today() {
        return lines.today();
    }

    private JsonNode traffic(String account) throws Exception {
        return form("mvno/getTrafficInfo/", "{\"authKey\":\"" + authKey + "\",\"account\":\"" + account + "\"}");
    }

    private JsonNode detail(String account) throws Exception {
        JsonNode body = form("mvno/getDetail/", "{\"authKey\":\"" + authKey + "\",\"version\":\"2\",\"requestDatas\":[{\"kind\":\"MVNO\",\"account\":\""
                + account + "\"}]}");
        assertThat(body.get("resultCode").asString()).as("getDetail %s", body).isEqualTo("100");
        return body.get("responseDatas").get(0);
    }

    /** A request with the authKey plus {@code fields} (JSON members without braces). */
    private JsonNode write(String path, String fields) throws Exception {
        return form(path, "{\"authKey\":\"" + authKey + "\"," + fields + "}");
    }

    private JsonNode form(String path, String json) throws Exception {
        HttpResponse<String> response = post(path, "application/x-www-form-urlencoded", "json=" + enc(json));
        assertThat(response.statusCode()).as("HTTP status of %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode multipart(String path, String json, String version) throws Exception {
        String boundary = "----emptool" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][]{{"json", json}, {"version", version}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + "/freebit/emptool/api/" + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
