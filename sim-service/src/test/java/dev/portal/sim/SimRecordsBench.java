package dev.portal.sim;

import dev.portal.clients.sftp.CdrFile;
import dev.portal.clients.sftp.CdrFileClient;
import dev.portal.sim.records.RecordImport;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a timed test: run with {@code ./mvnw -pl sim-service verify -Pbench} (or {@code bench/sim-records.sh}).
 * (1) The import rate of a 1,000,000-row CALL file from the sandbox's SFTP drop (download to a work file, Commons CSV,
 * JDBC batches with the file's progress) at the batch size {@code -Dbench.batch} (5,000), and a re-import of the same
 * file (every row a conflict); (2) the p50/p99 of {@code GET /api/sims/{id}/usage} over a year of one line's records (among the
 * million others), over HTTP with token validation and the WHMCS ownership check, and of its SQL alone.
 * Prints a report to stdout and {@code target/sim-records-bench.txt}.
 */
class SimRecordsBench extends SimTestBase {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int WARMUP = 200;
    private static final int MEASURED = 2_000;
    private final StringBuilder report = new StringBuilder();

    @Autowired RecordImport recordImport;
    @Autowired CdrFileClient drop;

    @Test
    void import_rate_and_usage_latency() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 1);
        // generating a million rows takes longer than the admin helper waits
        HttpResponse<String> generated = HTTP.send(java.net.http.HttpRequest.newBuilder(SANDBOX.url("/sandbox/admin/sftp/bulk-files"))
                .timeout(java.time.Duration.ofMinutes(15)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"date\":\"" + day + "\",\"kind\":\"CALL\",\"records\":" + ROWS + ",\"lines\":1000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (generated.statusCode() != 201) {
            throw new IllegalStateException(generated.body());
        }
        CdrFile file = drop.listCompleteFiles().stream().filter(f -> f.date().equals(day)).findFirst().orElseThrow();
        line("# sim-service records benchmark, %s", java.time.Instant.now());
        line("file %s: %,d rows, %,d bytes (Shift_JIS, quoted, CRLF)", file.name(), ROWS, file.size());
        line("");
        line("## import (SFTP download to a work file + parse + batched upserts with progress)");
        line("| variant | rows | download s | total s | rows/s (total) |");
        line("|---|---|---|---|---|");

        long download = timeDownload(file);
        int batch = Integer.parseInt(environment.getProperty("portal.sim.records.batch-size"));
        long started = System.nanoTime();
        RecordImport.Result result = recordImport.importFile(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        line("| first import, batch %,d | %,d | %.1f | %.1f | %,.0f |", batch, result.records(), download / 1e9, seconds,
                result.records() / seconds);
        started = System.nanoTime();
        RecordImport.Result again = recordImport.reimport(file);
        seconds = (System.nanoTime() - started) / 1e9;
        line("| re-import, batch %,d (every row already there) | %,d | %.1f | %.1f | %,.0f |", batch, again.records(),
                download / 1e9, seconds, again.records() / seconds);
        line("rows in call_records after all runs: %,d", count("select count(*) from call_records"));

        seedYear();
        LocalDate to = today();
        LocalDate from = to.minusDays(365);
        String path = "/api/sims/" + HANAKO_SIM + "/usage?from=" + from + "&to=" + to;
        line("");
        line("## usage over a year of one line (%,d calls + %,d SMS of 09012345678 among %,d call rows), %d requests after %d warm-up",
                count("select count(*) from call_records where account = '09012345678'"),
                count("select count(*) from sms_records where account = '09012345678'"), count("select count(*) from call_records"),
                MEASURED, WARMUP);
        line("| what | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---|---|---|---|");
        List<Long> http = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = get(path, HANAKO);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
            if (i >= WARMUP) {
                http.add(System.nanoTime() - t);
            }
        }
        row("GET usage over HTTP (token, WHMCS ownership check, SQL)", http);
        List<Long> sql = new ArrayList<>();
        String query = """
                select day, sum(calls), sum(sms) from (
                  select (started_at at time zone 'Asia/Tokyo')::date as day, count(*) calls, 0 sms from call_records
                   where account = '09012345678' and started_at >= ?::timestamptz and started_at < ?::timestamptz group by 1
                  union all
                  select (sent_at at time zone 'Asia/Tokyo')::date, 0, count(*) from sms_records
                   where account = '09012345678' and sent_at >= ?::timestamptz and sent_at < ?::timestamptz group by 1) d
                group by day""";
        String a = from.atStartOfDay(JAPAN).toOffsetDateTime().toString();
        String b = to.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime().toString();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long t = System.nanoTime();
            jdbc.sql(query).params(a, b, a, b).query((rs, n) -> rs.getObject(1)).list();
            if (i >= WARMUP) {
                sql.add(System.nanoTime() - t);
            }
        }
        row("the usage SQL alone (JdbcClient)", sql);
        line("");
        line("plan: %s", String.join(" / ", jdbc.sql("explain (analyze, costs off, timing off) " + query).params(a, b, a, b)
                .query((rs, n) -> rs.getString(1).strip()).list()));

        System.out.println(report);
        Files.writeString(Path.of("target/sim-records-bench.txt"), report.toString());
    }

    /** Time of the SFTP download alone (the first step of every import). */
    private long timeDownload(CdrFile file) throws Exception {
        Path work = Files.createTempFile("bench-", ".csv");
        try (OutputStream out = Files.newOutputStream(work)) {
            long started = System.nanoTime();
            drop.downloadTo(file.name(), out);
            return System.nanoTime() - started;
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** A year of records of Hanako's line: 12 calls and 6 SMS a day. */
    private void seedYear() {
        jdbc.sql("""
                insert into call_records (record_id, account, started_at, ended_at, duration_sec, direction, other_number,
                    call_type, destination_country, billable_units, charge_jpy, tax_class, product_number, plan_code, source_file, source_seq)
                select 'B-' || d || '-' || n, '09012345678', now() - (d || ' days')::interval + (n || ' hours')::interval,
                       now() - (d || ' days')::interval + (n || ' hours')::interval + interval '90 seconds', 90, 'O', '0312345678',
                       'DOMESTIC', 'JP', 3, 60.00, '課税', 'AX0000000000001', 'VOICE_10GB', 'bench', 1
                from generate_series(0, 365) d, generate_series(1, 12) n""").update();
        jdbc.sql("""
                insert into sms_records (record_id, account, sent_at, direction, other_number, sms_type, segments, charge_jpy,
                    product_number, source_file, source_seq)
                select 'BS-' || d || '-' || n, '09012345678', now() - (d || ' days')::interval + (n || ' hours')::interval, 'O',
                       '09087654321', 'DOMESTIC', 1, 3.00, 'AX0000000000001', 'bench', 1
                from generate_series(0, 365) d, generate_series(1, 6) n""").update();
        jdbc.sql("analyze call_records").update();
        jdbc.sql("analyze sms_records").update();
    }

    private void row(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        line("| %s | %.2f | %.2f | %.2f | %.2f |", what, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private void line(String format, Object... args) {
        report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }
}
