package dev.portal.clients.sftp;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads CALL and SMS files by a {@link CdrLayout} with Apache Commons CSV, streaming: decode with the layout's
 * charset, find the columns by the header row, parse each row into a typed record, check the trailer when there is
 * one. A row that does not fit (wrong column count, an unreadable value, bytes that are not the charset, data
 * after the trailer) is handed to the {@link Sink} as a {@link MalformedLine} with its line number, and reading
 * goes on: one bad row never costs the file. Only a file whose header cannot be read fails as a whole
 * ({@link CdrFormatException}); quoted fields may span lines.
 */
public final class CdrParser {

    /** The files' timestamps are JST without an offset. */
    public static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** What the decoder puts where the bytes are not the charset: such a row is quarantined, not guessed at. */
    private static final char REPLACEMENT = '\uFFFD';
    private static final int CONTENT_LIMIT = 2000;
    /** RFC 4180 with the lenient bits a carrier file needs: blank lines kept (to count lines), text after a closing quote read. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrailingData(true).get();

    /** Where the rows of a file go, in file order. */
    public interface Sink<T> {

        /** A row read into a record; {@code line} is the 1-based line of the file where the row starts. */
        void record(long line, T record);

        /** A row that does not fit the layout, or a trailer that does not match the rows. */
        void malformed(MalformedLine line);
    }

    private final CdrLayout layout;

    public CdrParser(CdrLayout layout) {
        this.layout = layout;
    }

    public CdrParser() {
        this(CdrLayout.DEFAULT);
    }

    public CdrSummary readCalls(String fileName, InputStream in, Sink<CallRecord> sink) {
        return read(fileName, in, layout.callColumns(), row -> new CallRecord(
                row.text("record_id"), row.text("account"), row.timestamp("call_start"), row.timestamp("call_end"),
                row.integer("duration_sec"), row.direction("direction"), row.text("called_number"),
                row.text("call_type"), row.text("destination_country"), row.integer("billable_units"),
                row.decimal("charge_jpy"), row.text("tax_class"), row.text("product_number"), row.text("plan_code")),
                CallRecord::chargeJpy, sink);
    }

    public CdrSummary readSms(String fileName, InputStream in, Sink<SmsRecord> sink) {
        return read(fileName, in, layout.smsColumns(), row -> new SmsRecord(
                row.text("record_id"), row.text("account"), row.timestamp("sent_at"), row.direction("direction"),
                row.text("peer_number"), row.text("sms_type"), row.integer("segments"), row.decimal("charge_jpy"),
                row.text("product_number")),
                SmsRecord::chargeJpy, sink);
    }

    /** A whole (small) CALL file in memory: its records and its malformed lines. */
    public CdrFileContents<CallRecord> parseCalls(String fileName, byte[] content) {
        Collected<CallRecord> collected = new Collected<>();
        CdrSummary summary = readCalls(fileName, new ByteArrayInputStream(content), collected);
        return new CdrFileContents<>(fileName, collected.records, collected.malformed, summary.trailerCount(), summary.trailerSum());
    }

    /** A whole (small) SMS file in memory: its records and its malformed lines. */
    public CdrFileContents<SmsRecord> parseSms(String fileName, byte[] content) {
        Collected<SmsRecord> collected = new Collected<>();
        CdrSummary summary = readSms(fileName, new ByteArrayInputStream(content), collected);
        return new CdrFileContents<>(fileName, collected.records, collected.malformed, summary.trailerCount(), summary.trailerSum());
    }

    private <T> CdrSummary read(String fileName, InputStream in, Map<String, String> columns, Function<Row, T> mapper,
                                Function<T, BigDecimal> charge, Sink<T> sink) {
        CharsetDecoder decoder = layout.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (CSVParser csv = CSVParser.builder().setReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16))
                .setFormat(FORMAT).get()) {
            Iterator<CSVRecord> rows = csv.iterator();
            long linesBefore = 0;
            List<String> header = null;
            long headerLine = 0;
            Map<String, Integer> index = new HashMap<>();
            long records = 0;
            long malformed = 0;
            BigDecimal sum = BigDecimal.ZERO;
            Integer trailerCount = null;
            BigDecimal trailerSum = null;
            while (true) {
                long line = linesBefore + 1;
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (header == null) {
                        throw new CdrFormatException(fileName, line, "the header row is not CSV: " + e.getMessage());
                    }
                    // the lexer cannot find where the broken row ends (an unterminated quote runs to the end of the file)
                    sink.malformed(new MalformedLine(fileName, line, "not CSV from here to the end of the file: "
                            + rootMessage(e), null));
                    malformed++;
                    break;
                }
                linesBefore = Math.max(csv.getCurrentLineNumber(), line);
                List<String> values = Arrays.asList(row.values());
                if (values.size() == 1 && values.getFirst().isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>(values);
                    header.set(0, header.getFirst().replace("\uFEFF", ""));
                    headerLine = line;
                    if (header.stream().anyMatch(h -> h.indexOf(REPLACEMENT) >= 0)) {
                        throw new CdrFormatException(fileName, line, "the header row is not valid " + layout.charset().name());
                    }
                    List<String> missing = new ArrayList<>();
                    for (Map.Entry<String, String> column : columns.entrySet()) {
                        if (!column.getValue().isEmpty()) {
                            int at = header.indexOf(column.getValue());
                            if (at < 0) {
                                missing.add("'" + column.getValue() + "'");
                            }
                            index.put(column.getKey(), at);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new CdrFormatException(fileName, line, "header has no column " + String.join(", ", missing));
                    }
                    continue;
                }
                String problem;
                if (trailerCount != null) {
                    problem = "data after the trailer";
                } else if (values.getFirst().startsWith(layout.trailerMarker())) {
                    problem = null;
                    if (values.size() != 3) {
                        problem = "trailer must be " + layout.trailerMarker() + ",<count>,<sum>";
                    } else {
                        try {
                            trailerCount = Integer.parseInt(values.get(1).strip());
                            trailerSum = new BigDecimal(values.get(2).strip());
                        } catch (NumberFormatException e) {
                            trailerCount = null;
                            problem = "trailer count or sum is not a number";
                        }
                    }
                    if (problem == null && trailerCount != records + malformed) {
                        problem = "trailer counts " + trailerCount + " records, the file has " + (records + malformed);
                    } else if (problem == null && malformed == 0 && trailerSum.compareTo(sum) != 0) {
                        problem = "trailer sums charge_jpy to " + trailerSum.toPlainString() + ", the records to " + sum.toPlainString();
                    }
                    if (problem != null) {
                        sink.malformed(new MalformedLine(fileName, line, problem, content(values)));
                    }
                    continue;
                } else if (values.size() != header.size()) {
                    problem = "expected " + header.size() + " columns as in the header, found " + values.size();
                } else if (values.stream().anyMatch(v -> v.indexOf(REPLACEMENT) >= 0)) {
                    problem = "not valid " + layout.charset().name();
                } else {
                    try {
                        T record = mapper.apply(new Row(fileName, line, values, index));
                        BigDecimal charged = charge.apply(record);
                        sink.record(line, record);
                        records++;
                        sum = sum.add(charged == null ? BigDecimal.ZERO : charged);
                        continue;
                    } catch (CdrFormatException e) {
                        problem = e.problem();
                    }
                }
                sink.malformed(new MalformedLine(fileName, line, problem, content(values)));
                malformed++;
            }
            if (header == null) {
                throw new CdrFormatException(fileName, 1, "empty file: no header row");
            }
            return new CdrSummary(fileName, headerLine, records, malformed, trailerCount, trailerSum, linesBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The row as CSV again (the lexer keeps no raw text), for the quarantine; long rows are cut. */
    private static String content(List<String> values) {
        String text = FORMAT.format(values.toArray());
        return text.length() > CONTENT_LIMIT ? text.substring(0, CONTENT_LIMIT) : text;
    }

    private static final class Collected<T> implements Sink<T> {
        final List<T> records = new ArrayList<>();
        final List<MalformedLine> malformed = new ArrayList<>();

        @Override
        public void record(long line, T record) {
            records.add(record);
        }

        @Override
        public void malformed(MalformedLine line) {
            malformed.add(line);
        }
    }

    /** One data row, read by fact-sheet column name. */
    private record Row(String fileName, long line, List<String> values, Map<String, Integer> index) {

        String text(String column) {
            Integer at = index.get(column);
            if (at == null) {
                return null;
            }
            String value = values.get(at).strip();
            if (value.isEmpty() && CdrLayout.REQUIRED.contains(column)) {
                throw fail(column, value, "is required");
            }
            return value.isEmpty() ? null : value;
        }

        OffsetDateTime timestamp(String column) {
            String value = text(column);
            try {
                return value == null ? null : LocalDateTime.parse(value, TIMESTAMP).atOffset(JST);
            } catch (DateTimeParseException e) {
                throw fail(column, value, "is not a YYYY/MM/DD HH:MM:SS timestamp");
            }
        }

        Integer integer(String column) {
            String value = text(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw fail(column, value, "is not an integer");
            }
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            try {
                return value == null ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw fail(column, value, "is not a decimal");
            }
        }

        Direction direction(String column) {
            String value = text(column);
            try {
                return value == null ? null : Direction.of(value);
            } catch (IllegalArgumentException e) {
                throw fail(column, value, "is neither O nor I");
            }
        }

        private CdrFormatException fail(String column, String value, String problem) {
            return new CdrFormatException(fileName, line, column + " '" + value + "' " + problem);
        }
    }
}
