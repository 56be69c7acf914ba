package dev.portal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.portal.clients.sftp.CdrFile;
import dev.portal.clients.sftp.CdrFileClient;
import dev.portal.sim.records.RecordImport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Call and SMS records from the SFTP drop (pinned host key, complete files only): imported once whatever happens,
 * malformed rows kept aside with file and line, and the caller's line's daily totals and records read back.
 */
class RecordsImportIT extends SimTestBase {

    private static final String HEADER = "\"record_id\",\"account\",\"call_start\",\"call_end\",\"duration_sec\",\"direction\","
            + "\"called_number\",\"call_type\",\"destination_country\",\"billable_units\",\"charge_jpy\",\"tax_class\","
            + "\"product_number\",\"plan_code\"\r\n";

    @Autowired RecordImport recordImport;
    @Autowired CdrFileClient drop;

    @AfterEach
    void dropTrigger() {
        jdbc.sql("drop trigger if exists fail_midway on call_records").update();
    }

    @Test
    void imports_the_complete_files_and_answers_the_callers_daily_totals_and_records() {
        List<RecordImport.Result> results = recordImport.importDrop();

        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.quarantined()).isZero());
        long files = results.stream().mapToLong(RecordImport.Result::records).sum();
        assertThat(count("select count(*) from call_records") + count("select count(*) from sms_records")).isEqualTo(files);
        List<LocalDate> days = drop.listCompleteFiles().stream().map(CdrFile::date).distinct().sorted().toList();
        String period = "from=" + days.getFirst() + "&to=" + days.getLast();

        HttpResponse<String> usage = get("/api/sims/" + HANAKO_SIM + "/usage?" + period, HANAKO);

        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        JsonNode usageDays = json(usage).path("days");
        assertThat(usageDays).hasSize(3);
        long calls = 0;
        for (JsonNode day : usageDays) {
            assertThat(day.path("calls").asLong()).isBetween(2L, 4L);
            assertThat(day.path("sms").asLong()).isBetween(1L, 2L);
            calls += day.path("calls").asLong();
        }
        assertThat(calls).isEqualTo(count("select count(*) from call_records where account = '09012345678'"));

        HttpResponse<String> page = get("/api/sims/" + HANAKO_SIM + "/records?" + period + "&type=call&size=2&page=1", HANAKO);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(json(page).path("total").asLong()).isEqualTo(calls);
        assertThat(json(page).path("records")).hasSize(2).allSatisfy(r -> {
            assertThat(r.path("type").asString()).isEqualTo("call");
            assertThat(r.path("recordId").asString()).startsWith("C-").contains("09012345678");
        });
        HttpResponse<String> others = get("/api/sims/" + AIKO_DATA_SIM + "/records?" + period, AIKO);
        assertThat(json(others).path("records").valueStream().map(r -> r.path("recordId").asString()))
                .allSatisfy(id -> assertThat(id).contains("08011112222"));
    }

    @Test
    void a_file_imported_again_writes_no_record_twice() {
        recordImport.importDrop();
        long calls = count("select count(*) from call_records");
        long sms = count("select count(*) from sms_records");

        for (CdrFile file : drop.listCompleteFiles()) {
            RecordImport.Result again = recordImport.reimport(file);
            assertThat(again.skipped()).isFalse();
        }
        List<RecordImport.Result> skipped = recordImport.importDrop();

        assertThat(count("select count(*) from call_records")).isEqualTo(calls);
        assertThat(count("select count(*) from sms_records")).isEqualTo(sms);
        assertThat(count("select sum(records) from cdr_files")).isEqualTo(calls + sms);
        assertThat(skipped).allSatisfy(r -> assertThat(r.skipped()).isTrue());
    }

    @Test
    void an_import_that_dies_mid_file_resumes_after_its_last_batch_and_writes_no_record_twice() {
        SANDBOX.admin("POST", "/sandbox/admin/sftp/bulk-files", "{\"date\":\"2026-10-01\",\"kind\":\"CALL\",\"records\":500,\"lines\":20}");
        CdrFile bulk = drop.listCompleteFiles().stream().filter(f -> f.name().contains("20261001")).findFirst().orElseThrow();
        // the database refuses the 301st row: the import dies in its seventh batch of 50
        jdbc.sql("""
                create or replace function fail_midway() returns trigger language plpgsql as $$
                begin
                  if (select count(*) from call_records) >= 300 then raise exception 'killed mid-file'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger fail_midway before insert on call_records for each row execute function fail_midway()").update();

        assertThatThrownBy(() -> recordImport.importFile(bulk)).hasStackTraceContaining("killed mid-file");
        assertThat(count("select count(*) from call_records")).isEqualTo(300);
        assertThat(count("select lines_done from cdr_files where name = ?", bulk.name())).isEqualTo(301);

        jdbc.sql("drop trigger fail_midway on call_records").update();
        RecordImport.Result resumed = recordImport.importFile(bulk);

        assertThat(resumed.records()).isEqualTo(500);
        assertThat(count("select count(*) from call_records")).isEqualTo(500);
        assertThat(count("select count(distinct record_id) from call_records")).isEqualTo(500);
        assertThat(count("select count(*) from cdr_files where name = ? and status = 'IMPORTED'", bulk.name())).isEqualTo(1);
    }

    @Test
    void a_malformed_row_is_quarantined_with_its_file_and_line_and_the_rest_of_the_file_is_imported() {
        String name = "CALL_sandbox-oem_20261101_01.csv";
        String content = HEADER
                + "\"C-X-1\",\"09012345678\",\"2026/11/01 09:00:00\",\"2026/11/01 09:01:00\",\"60\",\"O\",\"03-1234\r\n5678\",\"DOMESTIC\",\"JP\",\"2\",\"40.00\",\"課税\",\"AX0000000000001\",\"VOICE_10GB\"\r\n"
                + "\"C-X-2\",\"09012345678\",\"yesterday\",\"2026/11/01 10:01:00\",\"60\",\"O\",\"0312345678\",\"DOMESTIC\",\"JP\",\"2\",\"40.00\",\"課税\",\"AX0000000000001\",\"VOICE_10GB\"\r\n"
                + "\"C-X-3\",\"09012345678\",\"2026/11/01 11:00:00\",\"2026/11/01 11:00:30\",\"30\",\"I\",\"0312345678\",\"DOMESTIC\",\"JP\",\"1\",\"0.00\",\"不課税\",\"AX0000000000001\",\"VOICE_10GB\"\r\n";
        SANDBOX.admin("POST", "/sandbox/admin/sftp/raw-files", JSON.writeValueAsString(Map.of("name", name, "content", content)));
        CdrFile file = drop.listCompleteFiles().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();

        RecordImport.Result result = recordImport.importFile(file);

        assertThat(result.records()).isEqualTo(2);
        assertThat(result.quarantined()).isEqualTo(1);
        assertThat(jdbc.sql("select line, problem from cdr_quarantine where file_name = ?").param(name)
                .query((rs, n) -> rs.getLong("line") + ": " + rs.getString("problem")).list())
                .containsExactly("4: call_start 'yesterday' is not a YYYY/MM/DD HH:MM:SS timestamp");
        assertThat(jdbc.sql("select other_number from call_records where record_id = 'C-X-1'").query(String.class).single())
                .isEqualTo("03-1234\r\n5678");
        assertThat(count("select count(*) from call_records where record_id = 'C-X-2'")).isZero();
    }

    @Test
    void the_drop_is_read_on_a_schedule_by_the_instance_that_has_the_import_switched_on() {
        replica("--portal.sim.records.import-enabled=true", "--portal.sim.records.import-interval=2s");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("select count(*) from cdr_files where status = 'IMPORTED'")).isEqualTo(6));
        SANDBOX.admin("POST", "/sandbox/admin/sftp/usage-days", "{\"date\":\"2026-11-03\",\"calls\":3,\"sms\":1}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("select count(*) from cdr_files where status = 'IMPORTED'")).isEqualTo(8));
    }

    @Test
    void a_file_without_its_trigger_file_is_not_imported() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        SANDBOX.admin("POST", "/sandbox/admin/sftp/incomplete-files", "{\"date\":\"" + day + "\",\"kind\":\"SMS\"}");

        recordImport.importDrop();

        assertThat(count("select count(*) from cdr_files where usage_date = ?", day)).isZero();
        assertThat(count("select count(*) from cdr_files")).isEqualTo(6);
    }
}
