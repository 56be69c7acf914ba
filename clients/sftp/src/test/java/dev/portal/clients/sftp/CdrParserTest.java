package dev.portal.clients.sftp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CDR files read by layout, from fixtures in the fact sheet's proposed format (Shift_JIS, CRLF, quoted). */
class CdrParserTest {

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
    void rejects_a_trailer_whose_sum_differs_from_the_records() {
        assertThatThrownBy(() -> parser.parseCalls("CALL_trailer_mismatch.csv", fixture("CALL_trailer_mismatch.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.fileName()).isEqualTo("CALL_trailer_mismatch.csv");
                })
                .hasMessageContaining("250.00").hasMessageContaining("260.00");
    }

    @Test
    void rejects_a_trailer_whose_count_differs_from_the_records() {
        assertThatThrownBy(() -> parser.parseCalls("CALL_trailer_count_mismatch.csv", fixture("CALL_trailer_count_mismatch.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("trailer counts 3 records, the file has 2");
    }

    @Test
    void names_the_line_of_a_malformed_timestamp() {
        assertThatThrownBy(() -> parser.parseCalls("CALL_malformed_row.csv", fixture("CALL_malformed_row.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("call_start '2026-11-22T06:20:05' is not a YYYY/MM/DD HH:MM:SS timestamp");
    }

    @Test
    void names_the_line_of_a_row_with_the_wrong_number_of_columns() {
        assertThatThrownBy(() -> parser.parseCalls("CALL_wrong_column_count.csv", fixture("CALL_wrong_column_count.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("expected 14 columns as in the header, found 13");
    }

    @Test
    void names_the_header_column_that_is_missing() {
        assertThatThrownBy(() -> parser.parseSms("CALL_sandbox-oem_20261122_01.csv", fixture("CALL_sandbox-oem_20261122_01.csv")))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("header has no column 'sent_at'");
    }

    @Test
    void names_the_line_where_the_bytes_are_not_the_configured_charset() {
        byte[] valid = fixture("CALL_sandbox-oem_20261122_01.csv");
        byte[] content = java.util.Arrays.copyOf(valid, valid.length + 6);
        // a Shift_JIS lead byte followed by a space is no character: line 6, after the trailer's line
        System.arraycopy(new byte[] {'"', (byte) 0x81, ' ', '"', '\r', '\n'}, 0, content, valid.length, 6);

        assertThatThrownBy(() -> parser.parseCalls("broken.csv", content))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageContaining("not valid Shift_JIS");
    }

    @Test
    void an_unterminated_quote_is_malformed() {
        byte[] valid = fixture("CALL_sandbox-oem_20261122_01.csv");
        String header = new String(valid, StandardCharsets.US_ASCII).split("\r\n")[0];
        byte[] content = (header + "\r\n\"C-1\",\"0901\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> parser.parseCalls("q.csv", content))
                .isInstanceOfSatisfying(CdrFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("unterminated quoted field 2");
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
