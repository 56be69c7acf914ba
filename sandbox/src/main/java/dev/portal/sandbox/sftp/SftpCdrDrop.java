package dev.portal.sandbox.sftp;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory tree the SFTP server serves: daily CALL and SMS files for the seeded SIM lines, each followed by
 * its trigger file. Lives in a temporary directory; {@link #reset()} writes the seed again.
 */
@Component
class SftpCdrDrop implements SeededState, DisposableBean {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final Logger log = LoggerFactory.getLogger(SftpCdrDrop.class);

    enum Kind { CALL, SMS }

    /** A data file in the drop directory. */
    record CdrFile(String path, String name, Kind kind, LocalDate date, int seq, long size, boolean complete, int records) {
    }

    private final SftpSettings settings;
    private final Clock clock;
    private final Charset charset;
    private final Path root;
    private final Path directory;
    private final Pattern names;
    /** Usage per day and line: calls and SMS counts, what the latest file of the day contains. */
    private final Map<LocalDate, Map<String, int[]>> usage = new TreeMap<>();
    /** Records per file name, counted when the file is written (a listing never reads a large file). */
    private final Map<String, Integer> recordCounts = new HashMap<>();

    SftpCdrDrop(SftpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.charset = Charset.forName(settings.charset());
        this.names = Pattern.compile("(CALL|SMS)_" + Pattern.quote(settings.oemId()) + "_(\\d{8})_(\\d{2})\\.csv");
        try {
            this.root = Files.createTempDirectory("portal-sandbox-sftp-");
            this.directory = root.resolve(settings.directory().replaceFirst("^/+", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reset();
    }

    /** The directory the SFTP server shows as {@code /}. */
    Path root() {
        return root;
    }

    @Override
    public String system() {
        return SandboxSystems.SFTP;
    }

    @Override
    public synchronized void reset() {
        try {
            deleteTree(root, false);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        usage.clear();
        recordCounts.clear();
        LocalDate today = LocalDate.now(clock.withZone(JST));
        for (int back = settings.seedDays(); back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            Map<String, int[]> lines = new HashMap<>();
            SftpSimLine.SEEDED.forEach(line -> lines.put(line.msisdn(),
                    new int[] {line.seededCalls(day.toEpochDay()), line.seededSms(day.toEpochDay())}));
            usage.put(day, lines);
            writeDay(day, true);
        }
        log.info("CDR drop seeded: {} days before {} in {}", settings.seedDays(), today, directory);
    }

    /**
     * Sets the usage of a day (one line, or every seeded line when {@code msisdn} is null) and publishes the
     * day's files again: {@code seq} 01 for a new day, one higher than the last for a corrected day.
     */
    synchronized List<CdrFile> addUsageDay(LocalDate date, String msisdn, int calls, int sms) {
        List<SftpSimLine> lines = msisdn == null ? SftpSimLine.SEEDED : List.of(SftpSimLine.of(msisdn).orElseThrow(() ->
                new SftpLineUnknown(msisdn, SftpSimLine.SEEDED.stream().map(SftpSimLine::msisdn).toList())));
        if (calls < 0 || sms < 0 || calls > SftpCdrRecords.MAX_PER_DAY || sms > SftpCdrRecords.MAX_PER_DAY) {
            throw new SftpUsageOutOfRange(SftpCdrRecords.MAX_PER_DAY);
        }
        Map<String, int[]> day = usage.computeIfAbsent(date, d -> new HashMap<>());
        for (SftpSimLine line : lines) {
            day.put(line.msisdn(), new int[] {line.voice() ? calls : 0, sms});
        }
        List<CdrFile> files = writeDay(date, true);
        log.info("CDR usage day published: {}", files.stream().map(CdrFile::name).toList());
        return files;
    }

    /** Publishes the next CALL or SMS file of a day without its trigger: a file still being written. */
    synchronized CdrFile publishIncomplete(LocalDate date, Kind kind) {
        usage.computeIfAbsent(date, d -> {
            Map<String, int[]> lines = new HashMap<>();
            SftpSimLine.SEEDED.forEach(line -> lines.put(line.msisdn(), new int[] {line.seededCalls(d.toEpochDay()), line.seededSms(d.toEpochDay())}));
            return lines;
        });
        CdrFile file = write(date, kind, false);
        log.info("CDR file published without its trigger: {}", file.name());
        return file;
    }

    /**
     * Publishes a file with the given text as it is (in the drop's charset), with its trigger unless
     * {@code complete} is false: rows the layout does not expect, quoted line breaks, a missing trailer.
     */
    synchronized CdrFile publishRaw(String name, String content, boolean complete) {
        Matcher m = names.matcher(name);
        if (!m.matches()) {
            throw new SftpFileNameInvalid(name, names.pattern());
        }
        Path file = directory.resolve(name);
        try {
            Files.write(file, content.getBytes(charset));
            if (complete) {
                Files.write(directory.resolve(name + settings.triggerSuffix()), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordCounts.put(name, (int) Math.max(0, content.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1));
        log.info("CDR file published as given: {} ({} bytes, complete={})", name, content.length(), complete);
        return describe(file, m);
    }

    /**
     * Publishes the next file of a day with {@code records} generated calls or SMS spread over {@code lines}
     * made-up MSISDNs ({@code 0800000nnnn}), written as a stream (for volume tests: a million rows is ~150 MB).
     */
    synchronized CdrFile publishBulk(LocalDate date, Kind kind, int records, int lines) {
        int seq = nextSeq(date, kind);
        String name = "%s_%s_%s_%02d.csv".formatted(kind, settings.oemId(), SftpCdrRecords.DAY.format(date), seq);
        List<String> columns = kind == Kind.CALL ? settings.callColumns() : settings.smsColumns();
        Path file = directory.resolve(name);
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16)) {
            out.write(quoted(columns));
            out.write("\r\n");
            for (int i = 0; i < records; i++) {
                SftpSimLine line = SftpSimLine.bulk(i % lines);
                SftpCdrRecords.Row row = kind == Kind.CALL ? SftpCdrRecords.call(line, date, i / lines) : SftpCdrRecords.sms(line, date, i / lines);
                out.write(quoted(columns.stream().map(row.values()::get).toList()));
                out.write("\r\n");
                sum = sum.add(row.charge());
            }
            if (settings.trailer()) {
                out.write("#EOF," + records + "," + sum.toPlainString() + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.write(directory.resolve(name + settings.triggerSuffix()), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordCounts.put(name, records);
        log.info("CDR bulk file published: {} ({} records over {} lines)", name, records, lines);
        Matcher m = names.matcher(name);
        m.matches();
        return describe(file, m);
    }

    synchronized List<CdrFile> files() {
        List<CdrFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : entries.sorted().toList()) {
                Matcher m = names.matcher(file.getFileName().toString());
                if (m.matches()) {
                    files.add(describe(file, m));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private List<CdrFile> writeDay(LocalDate date, boolean complete) {
        return List.of(write(date, Kind.CALL, complete), write(date, Kind.SMS, complete));
    }

    private CdrFile write(LocalDate date, Kind kind, boolean complete) {
        int seq = nextSeq(date, kind);
        String name = "%s_%s_%s_%02d.csv".formatted(kind, settings.oemId(), SftpCdrRecords.DAY.format(date), seq);
        List<String> columns = kind == Kind.CALL ? settings.callColumns() : settings.smsColumns();
        StringBuilder csv = new StringBuilder();
        csv.append(quoted(columns)).append("\r\n");
        int count = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (SftpSimLine line : SftpSimLine.SEEDED) {
            int[] counts = usage.getOrDefault(date, Map.of()).getOrDefault(line.msisdn(), new int[] {0, 0});
            int n = kind == Kind.CALL ? counts[0] : counts[1];
            for (int i = 0; i < n; i++) {
                SftpCdrRecords.Row row = kind == Kind.CALL ? SftpCdrRecords.call(line, date, i) : SftpCdrRecords.sms(line, date, i);
                csv.append(quoted(columns.stream().map(row.values()::get).toList())).append("\r\n");
                count++;
                sum = sum.add(row.charge());
            }
        }
        if (settings.trailer()) {
            csv.append("#EOF,").append(count).append(',').append(sum.toPlainString()).append("\r\n");
        }
        Path file = directory.resolve(name);
        try {
            Files.write(file, csv.toString().getBytes(charset));
            if (complete) {
                Files.write(directory.resolve(name + settings.triggerSuffix()), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordCounts.put(name, count);
        log.debug("CDR file published: {} ({} records, complete={})", name, count, complete);
        Matcher m = names.matcher(name);
        m.matches();
        return describe(file, m);
    }

    private int nextSeq(LocalDate date, Kind kind) {
        String prefix = kind + "_" + settings.oemId() + "_" + SftpCdrRecords.DAY.format(date) + "_";
        return files().stream()
                .filter(f -> f.name().startsWith(prefix))
                .mapToInt(CdrFile::seq).max().orElse(0) + 1;
    }

    private CdrFile describe(Path file, Matcher m) {
        try {
            String name = file.getFileName().toString();
            return new CdrFile(settings.directory().replaceAll("/+$", "") + "/" + name, name, Kind.valueOf(m.group(1)),
                    LocalDate.parse(m.group(2), SftpCdrRecords.DAY), Integer.parseInt(m.group(3)), Files.size(file),
                    Files.exists(file.resolveSibling(name + settings.triggerSuffix())), recordCounts.getOrDefault(name, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append('"').append(value == null ? "" : value.replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

    private static void deleteTree(Path top, boolean includingTop) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (includingTop || !p.equals(top)) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        deleteTree(root, true);
    }
}
