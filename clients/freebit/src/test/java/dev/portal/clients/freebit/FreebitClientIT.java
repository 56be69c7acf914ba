package dev.portal.clients.freebit;

import dev.portal.sandbox.EmbeddedSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of the client against the sandbox's emptool simulator, over real HTTP. */
class FreebitClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HANAKO = "09012345678";
    private static final String AIKO_DATA = "08011112222";
    private static final String AIKO_ESIM = "07033334444";

    private final EmbeddedSandbox sandbox = EmbeddedSandbox.get();
    private FreebitClient client;

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.clearFaults();
        client = client(FreebitClientProperties.Encoding.URLENCODED, "sandbox-key");
    }

    private FreebitClient client(FreebitClientProperties.Encoding encoding, String oemKey) {
        return FreebitClient.unobserved(FreebitClientProperties.of(sandbox.url("/freebit/emptool/api"), "sandbox-oem", oemKey)
                .withEncoding(encoding));
    }

    private JsonNode line(String account) {
        return JSON.readTree(sandbox.admin("GET", "/sandbox/admin/freebit/lines/" + account, null));
    }

    private LocalDate today() {
        return LocalDate.parse(JSON.readTree(sandbox.admin("GET", "/sandbox/admin/freebit/clock", null)).get("today").asString(),
                DateTimeFormatter.BASIC_ISO_DATE);
    }

    private void advanceMinutes(long minutes) {
        sandbox.admin("POST", "/sandbox/admin/freebit/clock/advance", "{\"minutes\":" + minutes + "}");
    }

    @Test
    void activateLine_registers_a_physical_sim_that_is_processing_until_freebit_completes_it() {
        String productNumber = client.activateLine(LineActivation.sim("090-0000-0010", "VOICE_10GB", ContractLine.LTE_4G));

        assertThat(productNumber).matches("AX\\d{13}");
        assertThat(client.accountDetail("09000000010").state()).isEqualTo("processing");
        advanceMinutes(5);
        AccountDetail active = client.accountDetail("09000000010");
        assertThat(active.state()).isEqualTo("active");
        assertThat(active.planCode()).isEqualTo("VOICE_10GB");
        assertThat(active.esim()).isFalse();
    }

    @Test
    void activateLine_registers_an_esim_through_pa05_41_add_kind_n() {
        String eid = "89049032000000000000000000000042";

        client.activateLine(LineActivation.esim("07000000011", "DATA_3GB", eid, ContractLine.NR_5G));

        AccountDetail detail = client.accountDetail("07000000011");
        assertThat(detail.esim()).isTrue();
        assertThat(detail.eid()).isEqualTo(eid);
        assertThat(detail.contractLine()).isEqualTo(ContractLine.NR_5G);
    }

    @Test
    void a_refused_activation_is_a_freebit_api_exception_with_the_vendors_code() {
        sandbox.admin("PUT", "/sandbox/admin/freebit/activations", "{\"refuse\":[\"09000000012\"],\"reason\":\"no stock\"}");

        assertThatThrownBy(() -> client.activateLine(LineActivation.sim("09000000012", "DATA_3GB", null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("250");
                    assertThat(e.verdict().message()).contains("no stock");
                });
        assertThatThrownBy(() -> client.accountDetail("09000000012"))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> assertThat(e.verdict().resultCode()).isEqualTo("220"));
    }

    @Test
    void accountDetail_reports_the_seeded_esim_line() {
        AccountDetail detail = client.accountDetail(AIKO_ESIM);

        assertThat(detail.account()).isEqualTo(AIKO_ESIM);
        assertThat(detail.planCode()).isEqualTo("VOICE_20GB");
        assertThat(detail.contractLine()).isEqualTo(ContractLine.NR_5G);
        assertThat(detail.esim()).isTrue();
        assertThat(detail.eid()).isEqualTo("89049032000000000000000000000001");
        assertThat(detail.productNumber()).isEqualTo("DN0000000000003");
        assertThat(detail.voice()).isTrue();
        assertThat(detail.remainingKb()).isEqualTo(15_300L * 1024);
        assertThat(detail.reservedOrders()).isEmpty();
    }

    @Test
    void trafficInfo_includes_a_usage_day_added_by_the_scenario_api() {
        sandbox.admin("POST", "/sandbox/admin/freebit/usage", "{\"account\":\"" + HANAKO + "\",\"date\":\""
                + today().format(DateTimeFormatter.BASIC_ISO_DATE) + "\",\"usedMb\":200}");

        TrafficInfo traffic = client.trafficInfo(HANAKO);

        assertThat(traffic.todayUsageKb()).isEqualTo(200L * 1024);
        assertThat(traffic.remainingKb()).isEqualTo((6_240L - 200) * 1024);
        assertThat(traffic.days()).hasSize(4).first().extracting(TrafficInfo.DailyUsage::date).isEqualTo(today());
    }

    @Test
    void multipart_encoding_works_end_to_end() {
        TrafficInfo traffic = client(FreebitClientProperties.Encoding.MULTIPART, "sandbox-key").trafficInfo(AIKO_DATA);

        assertThat(traffic.remainingKb()).isEqualTo(1_150L * 1024);
    }

    @Test
    void addQuota_adds_megabytes_now() {
        client.addQuota(new QuotaTopUp(HANAKO, 2_000, "PORTAL-TOPUP-1", today().plusDays(30)));

        assertThat(client.trafficInfo(HANAKO).remainingKb()).isEqualTo((6_240L + 2_000) * 1024);
    }

    @Test
    void scheduleQuota_adds_on_its_day_and_the_expired_authKey_is_renewed_on_the_way() {
        client.scheduleQuota(new QuotaTopUp(AIKO_DATA, 500, null, null), today().plusDays(1));
        assertThat(client.trafficInfo(AIKO_DATA).remainingKb()).isEqualTo(1_150L * 1024);

        advanceMinutes(24 * 60);

        assertThat(client.trafficInfo(AIKO_DATA).remainingKb()).isEqualTo(1_650L * 1024);
    }

    @Test
    void changePlan_is_reserved_for_the_first_of_next_month() {
        PlanChange.Result result = client.changePlan(new PlanChange(HANAKO, "VOICE_20GB", false, null));

        assertThat(result.ipv4()).isNull();
        AccountDetail detail = client.accountDetail(HANAKO);
        assertThat(detail.planCode()).isEqualTo("VOICE_10GB");
        assertThat(detail.reservedOrders()).singleElement().satisfies(order -> {
            assertThat(order.order()).isEqualTo("changePlan");
            assertThat(order.runTime()).isEqualTo(today().withDayOfMonth(1).plusMonths(1));
        });
    }

    @Test
    void changePlan_with_a_global_ip_returns_the_addresses() {
        PlanChange.Result result = client.changePlan(new PlanChange(HANAKO, "VOICE_20GB", true, today().plusDays(1)));

        assertThat(result.ipv4()).isNotBlank();
        assertThat(result.ipv6()).isNotBlank();
    }

    @Test
    void changeTalkOptions_completes_after_the_clock_advances_and_locks_the_line_meanwhile() {
        client.changeTalkOptions(HANAKO, new TalkOptions(false, null, null, true));
        assertThat(client.accountDetail(HANAKO).processing()).isTrue();
        assertThatThrownBy(() -> client.addQuota(new QuotaTopUp(HANAKO, 100, null, null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> assertThat(e.verdict().resultCode()).isEqualTo("230"));

        advanceMinutes(5);

        AccountDetail detail = client.accountDetail(HANAKO);
        assertThat(detail.processing()).isFalse();
        assertThat(detail.talkOptions()).containsEntry("voiceMail", false).containsEntry("worldWing", true);
    }

    @Test
    void changeContractLine_within_30_minutes_of_another_change_is_refused() {
        client.changePlan(new PlanChange(HANAKO, "VOICE_20GB", false, null));

        assertThatThrownBy(() -> client.changeContractLine(HANAKO, ContractLine.NR_5G))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("231");
                    assertThat(e.verdict().message()).contains("30 minutes");
                });
    }

    @Test
    void changeContractLine_takes_effect_after_30_minutes() {
        client.changeContractLine(HANAKO, ContractLine.NR_5G, "AX0000000000001");
        assertThat(client.accountDetail(HANAKO).contractLine()).isEqualTo(ContractLine.LTE_4G);

        advanceMinutes(30);

        assertThat(client.accountDetail(HANAKO).contractLine()).isEqualTo(ContractLine.NR_5G);
    }

    @Test
    void cancel_is_reserved_for_its_day() {
        LocalDate runDate = today().plusDays(7);

        client.cancel(AIKO_DATA, runDate);

        AccountDetail detail = client.accountDetail(AIKO_DATA);
        assertThat(detail.cancelDate()).isEqualTo(runDate);
        assertThat(detail.reservedOrders()).extracting(AccountDetail.ReservedOrder::order).containsExactly("cancel");
    }

    @Test
    void reissueEsim_moves_the_line_to_the_new_eid_once_done() {
        String newEid = "89049032000000000000000000000042";
        client.reissueEsim(new EsimReissue(AIKO_ESIM, newEid, "DN0000000000003", "89049032000000000000000000000001"));

        advanceMinutes(10);

        assertThat(client.accountDetail(AIKO_ESIM).eid()).isEqualTo(newEid);
    }

    @Test
    void vendor_refusal_is_a_typed_error_with_the_vendor_details() {
        assertThatThrownBy(() -> client.changeTalkOptions(AIKO_DATA, new TalkOptions(true, null, null, null)))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> {
                    assertThat(e.verdict().resultCode()).isEqualTo("240");
                    assertThat(e.verdict().statusCode()).isEqualTo("400");
                    assertThat(e.verdict().message()).contains("no voice");
                    assertThat(e.transientFailure()).isFalse();
                });
    }

    @Test
    void unknown_account_is_a_typed_error() {
        assertThatThrownBy(() -> client.trafficInfo("09099999999"))
                .isInstanceOfSatisfying(FreebitApiException.class, e -> assertThat(e.verdict().resultCode()).isEqualTo("220"));
    }

    @Test
    void authKey_is_renewed_after_the_sandbox_expires_every_key() {
        client.trafficInfo(HANAKO);
        sandbox.admin("POST", "/sandbox/admin/freebit/auth-keys/expire", null);

        client.addQuota(new QuotaTopUp(HANAKO, 100, null, null));

        assertThat(line(HANAKO).get("remainingKb").asLong()).as("applied exactly once").isEqualTo((6_240L + 100) * 1024);
    }

    @Test
    void wrong_oem_key_is_an_authentication_error() {
        assertThatThrownBy(() -> client(FreebitClientProperties.Encoding.URLENCODED, "wrong").trafficInfo(HANAKO))
                .isInstanceOfSatisfying(FreebitAuthenticationException.class, e -> assertThat(e.verdict().resultCode()).isEqualTo("200"));
    }
}
