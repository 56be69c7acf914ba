package dev.portal.clients.sftp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CDR files read by layout, from fixtures in the fact sheet's proposed format (Shift_JIS, CRLF, quoted): typed
 * records, and every row that does not fit quarantined with its line while the rest of the file is read.
 */
class CdrParserTest {

    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private final CdrParser parser = new CdrParser();

    @Test
    void reads_a_shift_jis_call_file_into_typed_records_with_jst_timestamps() {
        CdrFileContents<CallRecord> file = parser.parseCalls("CALL_sandbox-oem_20261122_01.csv", fixture("CALL_sandbox-oem_20261122_01.csv"));

        assertThat(file.records()).hasSize(3);
        CallRecord first = file.records().getFirst();
        assertThat(first.recordId()).isEqualTo("C-20261122-09012345678-0001");
        assertThat(first.account()).isEqualTo("09012345678");
        assertThat(first.callStart()).isEqualTo(OffsetDateTime.of(2026, 11, 22, 6, 7, 41, 0, ZoneOffset.ofHours(9)));
        assertThat(first.callStart().toInstant()).hasToString("2026-11-21T21:07:41Z");
        assertThat(first.durationSec()).isEqualTo(81);
        assertThat(first.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(first.chargeJpy()).isEqualByComparingTo("60.00");
        assertThat(first.taxClass()).isEqualTo("課税");
        assertThat(file.records().get(1).taxClass()).isEqualTo("不課税");
        assertThat(file.records().get(2).destinationCountry()).isEqualTo("US");
        assertThat(file.trailerCount()).isEqualTo(3);
        assertThat(file.trailerSum()).isEqualByComparingTo("260");
    }

    @Test
    void reads_an_sms_file() {
        CdrFileContents<SmsRecord> file = parser.parseSms("SMS_sandbox-oem_20261122_01.csv", fixture("SMS_sandbox-oem_20261122_01.csv"));

        assertThat(file.records()).extracting(SmsRecord::recordId)
                .containsExactly("S-20261122-09012345678-0001", "S-20261122-08011112222-0001", "S-20261122-07033334444-0001");
        SmsRecord intl = file.records().get(2);
        assertThat(intl.smsType()).isEqualTo("INTL");
        assertThat(intl.segments()).isEqualTo(1);
        assertThat(intl.chargeJpy()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(intl.sentAt()).isEqualTo(OffsetDateTime.of(2026, 11, 22, 8, 30, 59, 0, CdrParser.JST));
    }

    @Test
    void reads_utf_8_files_without_a_trailer_when_so_configured() {
        CdrParser utf8 = new CdrParser(CdrLayout.DEFAULT.withCharset(StandardCharsets.UTF_8));

        CdrFileContents<CallRecord> file = utf8.parseCalls("CALL_utf8_no_trailer.csv", fixture("CALL_utf8_no_trailer.csv"));

        assertThat(file.records()).extracting(CallRecord::taxClass).containsExactly("課税", "不課税", "課税");
        assertThat(file.trailerCount()).isNull();
    }

    @Test
    void finds_columns_by_the_configured_header_names() {
        Map<String, String> japanese = new LinkedHashMap<>();
        List<String> headers = List.of("明細ID", "電話番号", "開始日時", "終了日時", "通話秒数", "発着信", "相手先番号", "通話種別",
                "国", "課金単位", "料金", "税区分", "製造番号", "プラン");
        for (int i = 0; i < headers.size(); i++) {
            japanese.put(CdrLayout.CALL_COLUMNS.get(i).replace("_", "-"), headers.get(i));
        }
        CdrParser vendorLayout = new CdrParser(new CdrLayout(null, japanese, null, null));

        CdrFileContents<CallRecord> file = vendorLayout.parseCalls("CALL_japanese_headers.csv", fixture("CALL_japanese_headers.csv"));

        assertThat(file.records()).extracting(CallRecord::recordId).containsExactly(
                "C-20261122-09012345678-0001", "C-20261122-09012345678-0002", "C-20261122-07033334444-0001");
    }

    @Test
    void a_column_mapped_to_nothing_is_null() {
        CdrParser withoutPlan = new CdrParser(new CdrLayout(null, Map.of("plan_code", ""), null, null));

        assertThat(withoutPlan.parseCalls("f", fixture("CALL_sandbox-oem_20261122_01.csv")).records())
                .allSatisfy(call -> assertThat(call.planCode()).isNull());
    }

    @Test
    void a_trailer_whose_sum_differs_from_the_records_is_reported_at_its_line_and_the_records_kept() {
        CdrFileContents<CallRecord> file = parser.parseCalls("CALL_trailer_mismatch.csv", fixture("CALL_trailer_mismatch.csv"));

        assertThat(file.records()).hasSize(3);
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(5);
            assertThat(line.fileName()).isEqualTo("CALL_trailer_mismatch.csv");
            assertThat(line.problem()).contains("250.00").contains("260.00");
        });
    }

    @Test
    void a_trailer_whose_count_differs_from_the_rows_is_reported_at_its_line() {
        CdrFileContents<CallRecord> file = parser.parseCalls("CALL_trailer_count_mismatch.csv", fixture("CALL_trailer_count_mismatch.csv"));

        assertThat(file.records()).hasSize(2);
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(4);
            assertThat(line.problem()).isEqualTo("trailer counts 3 records, the file has 2");
        });
    }

    @Test
    void a_malformed_timestamp_quarantines_its_row_with_the_line_and_the_other_rows_are_read() {
        CdrFileContents<CallRecord> file = parser.parseCalls("CALL_malformed_row.csv", fixture("CALL_malformed_row.csv"));

        assertThat(file.records()).extracting(CallRecord::recordId)
                .containsExactly("C-20261122-09012345678-0001", "C-20261122-07033334444-0001");
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(3);
            assertThat(line.problem()).isEqualTo("call_start '2026-11-22T06:20:05' is not a YYYY/MM/DD HH:MM:SS timestamp");
            assertThat(line.content()).startsWith("C-20261122-09012345678-0002,09012345678,2026-11-22T06:20:05");
        });
    }

    @Test
    void a_row_with_the_wrong_number_of_columns_is_quarantined_with_its_line() {
        CdrFileContents<CallRecord> file = parser.parseCalls("CALL_wrong_column_count.csv", fixture("CALL_wrong_column_count.csv"));

        assertThat(file.records()).hasSize(2);
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(4);
            assertThat(line.problem()).isEqualTo("expected 14 columns as in the header, found 13");
        });
    }

    @Test
    void a_missing_header_column_fails_the_whole_file_naming_it() {
        assertThatThrownBy(() -> parser.parseSms("CALL_sandbox-oem_20261122_01.csv", fixture("CALL_sandbox-oem_20261122_01.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("header has no column 'sent_at'");
    }

    @Test
    void a_row_whose_bytes_are_not_the_configured_charset_is_quarantined_with_its_line() {
        String[] lines = new String(fixture("CALL_sandbox-oem_20261122_01.csv"), SHIFT_JIS).split("\r\n");
        // a Shift_JIS lead byte followed by a quote is no character: the row of line 3 cannot be read
        byte[] broken = lines[2].replace("\"0.00\"", "\"0.0X\"").getBytes(SHIFT_JIS);
        broken[indexOf(broken, (byte) 'X')] = (byte) 0x81;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes((lines[0] + "\r\n" + lines[1] + "\r\n").getBytes(SHIFT_JIS));
        content.writeBytes(broken);
        content.writeBytes(("\r\n" + lines[3] + "\r\n").getBytes(SHIFT_JIS));

        CdrFileContents<CallRecord> file = parser.parseCalls("broken.csv", content.toByteArray());

        assertThat(file.records()).extracting(CallRecord::recordId)
                .containsExactly("C-20261122-09012345678-0001", "C-20261122-07033334444-0001");
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(3);
            assertThat(line.problem()).isEqualTo("not valid Shift_JIS");
        });
    }

    @Test
    void a_quoted_field_may_hold_a_line_break_and_later_rows_keep_their_line_numbers() {
        String text = new String(fixture("CALL_sandbox-oem_20261122_01.csv"), SHIFT_JIS);
        String[] lines = text.split("\r\n");
        // the called number of the first call spans two lines; the second call has a bad duration
        String multiline = lines[1].replace("\"0312345678\"", "\"03-1234\r\n5678\"");
        String badDuration = lines[2].replace("\"55\"", "\"fifty\"");
        byte[] content = String.join("\r\n", lines[0], multiline, badDuration, lines[3], "").getBytes(SHIFT_JIS);

        CdrFileContents<CallRecord> file = parser.parseCalls("multiline.csv", content);

        assertThat(file.records()).extracting(CallRecord::calledNumber).containsExactly("03-1234\r\n5678", "0101555123456");
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(4);
            assertThat(line.problem()).isEqualTo("duration_sec 'fifty' is not an integer");
        });
    }

    @Test
    void a_stray_quote_quarantines_its_row_with_the_line_it_swallowed_and_the_rows_after_are_read() {
        String[] lines = new String(fixture("CALL_sandbox-oem_20261122_01.csv"), SHIFT_JIS).split("\r\n");
        byte[] content = String.join("\r\n", lines[0], lines[1], "\"C-1\",\"0901", lines[2], lines[3], "").getBytes(SHIFT_JIS);

        CdrFileContents<CallRecord> file = parser.parseCalls("q.csv", content);

        assertThat(file.records()).extracting(CallRecord::recordId)
                .containsExactly("C-20261122-09012345678-0001", "C-20261122-07033334444-0001");
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(3);
            assertThat(line.problem()).startsWith("expected 14 columns as in the header");
        });
    }

    @Test
    void an_unterminated_quote_in_the_last_row_quarantines_it_and_keeps_the_rows_before() {
        String[] lines = new String(fixture("CALL_sandbox-oem_20261122_01.csv"), SHIFT_JIS).split("\r\n");
        byte[] content = String.join("\r\n", lines[0], lines[1], "\"C-1\",\"0901", "").getBytes(SHIFT_JIS);

        CdrFileContents<CallRecord> file = parser.parseCalls("q.csv", content);

        assertThat(file.records()).extracting(CallRecord::recordId).containsExactly("C-20261122-09012345678-0001");
        assertThat(file.malformed()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(3);
            assertThat(line.problem()).startsWith("not CSV from here to the end of the file");
        });
    }

    @Test
    void streams_rows_to_the_sink_with_the_line_each_starts_on() {
        List<Long> recordLines = new ArrayList<>();
        CdrSummary summary = parser.readCalls("CALL_sandbox-oem_20261122_01.csv",
                new ByteArrayInputStream(fixture("CALL_sandbox-oem_20261122_01.csv")), new CdrParser.Sink<>() {
                    @Override
                    public void record(long line, CallRecord record) {
                        recordLines.add(line);
                    }

                    @Override
                    public void malformed(MalformedLine line) {
                        throw new AssertionError(line.toString());
                    }
                });

        assertThat(recordLines).containsExactly(2L, 3L, 4L);
        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.malformed()).isZero();
        assertThat(summary.trailerCount()).isEqualTo(3);
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no byte " + value);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = CdrParserTest.class.getResourceAsStream("/fixtures/sftp/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
