package dev.portal.sandbox.sftp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CDR tree the drop serves: seeded by the sandbox clock, deterministic, laid out as configured. */
class SftpCdrDropTest {

    /** 2026-11-23 01:00 JST. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T16:00:00Z"), ZoneOffset.UTC);
    private final List<SftpCdrDrop> drops = new ArrayList<>();

    @AfterEach
    void clean() throws IOException {
        for (SftpCdrDrop drop : drops) {
            drop.destroy();
        }
    }

    @Test
    void seeds_the_days_before_today_in_jst() {
        SftpCdrDrop drop = drop(settings(null, null, null));

        assertThat(drop.files()).extracting(SftpCdrDrop.CdrFile::date).containsOnly(
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22));
        assertThat(drop.files()).allSatisfy(file -> assertThat(file.complete()).isTrue());
    }

    @Test
    void the_same_clock_gives_the_same_bytes() throws IOException {
        SftpCdrDrop one = drop(settings(null, null, null));
        SftpCdrDrop two = drop(settings(null, null, null));

        for (SftpCdrDrop.CdrFile file : one.files()) {
            assertThat(read(two, file)).as(file.name()).isEqualTo(read(one, file));
        }
    }

    @Test
    void writes_utf_8_without_a_trailer_and_only_the_configured_columns_when_so_set() throws IOException {
        SftpCdrDrop drop = drop(settings("UTF-8", false, List.of("record_id", "account", "tax_class", "charge_jpy")));
        SftpCdrDrop.CdrFile call = drop.files().stream().filter(f -> f.kind() == SftpCdrDrop.Kind.CALL).findFirst().orElseThrow();

        String text = new String(read(drop, call), StandardCharsets.UTF_8);

        assertThat(text).startsWith("\"record_id\",\"account\",\"tax_class\",\"charge_jpy\"\r\n").contains("課税").doesNotContain("#EOF");
    }

    @Test
    void an_incomplete_file_takes_the_next_seq_and_has_no_trigger() {
        SftpCdrDrop drop = drop(settings(null, null, null));

        SftpCdrDrop.CdrFile file = drop.publishIncomplete(LocalDate.of(2026, 11, 22), SftpCdrDrop.Kind.SMS);

        assertThat(file.name()).isEqualTo("SMS_sandbox-oem_20261122_02.csv");
        assertThat(file.complete()).isFalse();
    }

    private SftpCdrDrop drop(SftpSettings settings) {
        SftpCdrDrop drop = new SftpCdrDrop(settings, CLOCK);
        drops.add(drop);
        return drop;
    }

    private static SftpSettings settings(String charset, Boolean trailer, List<String> callColumns) {
        return new SftpSettings(0, null, null, null, null, null, null, charset, null, trailer, null, callColumns, null, null);
    }

    private static byte[] read(SftpCdrDrop drop, SftpCdrDrop.CdrFile file) throws IOException {
        return Files.readAllBytes(drop.root().resolve(file.path().substring(1)));
    }
}
