package dev.portal.clients.sftp;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads CALL and SMS files by a {@link CdrLayout}: decode with the layout's charset, find the columns by the
 * header row, parse each row into a typed record, check the trailer when there is one. Anything that does not fit
 * fails with a {@link CdrFormatException} naming the line; a file is never half-read.
 */
public final class CdrParser {

    /** The files' timestamps are JST without an offset. */
    public static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final CdrLayout layout;

    public CdrParser(CdrLayout layout) {
        this.layout = layout;
    }

    public CdrParser() {
        this(CdrLayout.DEFAULT);
    }

    public CdrFileContents<CallRecord> parseCalls(String fileName, byte[] content) {
        return parse(fileName, content, layout.callColumns(), row -> new CallRecord(
                row.text("record_id"), row.text("account"), row.timestamp("call_start"), row.timestamp("call_end"),
                row.integer("duration_sec"), row.direction("direction"), row.text("called_number"),
                row.text("call_type"), row.text("destination_country"), row.integer("billable_units"),
                row.decimal("charge_jpy"), row.text("tax_class"), row.text("product_number"), row.text("plan_code")),
                CallRecord::chargeJpy);
    }

    public CdrFileContents<SmsRecord> parseSms(String fileName, byte[] content) {
        return parse(fileName, content, layout.smsColumns(), row -> new SmsRecord(
                row.text("record_id"), row.text("account"), row.timestamp("sent_at"), row.direction("direction"),
                row.text("peer_number"), row.text("sms_type"), row.integer("segments"), row.decimal("charge_jpy"),
                row.text("product_number")),
                SmsRecord::chargeJpy);
    }

    private <T> CdrFileContents<T> parse(String fileName, byte[] content, Map<String, String> columns,
                                         Function<Row, T> mapper, Function<T, BigDecimal> charge) {
        List<String> lines = lines(fileName, content);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        final int headerLine = first;
        if (headerLine == lines.size()) {
            throw new CdrFormatException(fileName, 1, "empty file: no header row");
        }
        List<String> header = fields(fileName, headerLine + 1, lines.get(headerLine));
        Map<String, Integer> index = new HashMap<>();
        List<String> missing = new ArrayList<>();
        columns.forEach((column, name) -> {
            if (!name.isEmpty()) {
                int at = header.indexOf(name);
                if (at < 0) {
                    missing.add("'" + name + "'");
                }
                index.put(column, at);
            }
        });
        if (!missing.isEmpty()) {
            throw new CdrFormatException(fileName, headerLine + 1, "header has no column " + String.join(", ", missing));
        }
        List<T> records = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        Integer trailerCount = null;
        BigDecimal trailerSum = null;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (trailerCount != null) {
                throw new CdrFormatException(fileName, lineNo, "data after the trailer");
            }
            if (line.startsWith(layout.trailerMarker())) {
                List<String> trailer = fields(fileName, lineNo, line);
                if (trailer.size() != 3) {
                    throw new CdrFormatException(fileName, lineNo, "trailer must be " + layout.trailerMarker() + ",<count>,<sum>");
                }
                try {
                    trailerCount = Integer.parseInt(trailer.get(1).strip());
                    trailerSum = new BigDecimal(trailer.get(2).strip());
                } catch (NumberFormatException e) {
                    throw new CdrFormatException(fileName, lineNo, "trailer count or sum is not a number: " + line);
                }
                if (trailerCount != records.size()) {
                    throw new CdrFormatException(fileName, lineNo, "trailer counts " + trailerCount + " records, the file has " + records.size());
                }
                if (trailerSum.compareTo(sum) != 0) {
                    throw new CdrFormatException(fileName, lineNo, "trailer sums charge_jpy to " + trailerSum.toPlainString()
                            + ", the records to " + sum.toPlainString());
                }
                continue;
            }
            List<String> values = fields(fileName, lineNo, line);
            if (values.size() != header.size()) {
                throw new CdrFormatException(fileName, lineNo, "expected " + header.size() + " columns as in the header, found " + values.size());
            }
            T record = mapper.apply(new Row(fileName, lineNo, values, index));
            records.add(record);
            sum = sum.add(charge.apply(record));
        }
        return new CdrFileContents<>(fileName, records, trailerCount, trailerSum);
    }

    /** Decodes strictly, so a file in the wrong charset fails on the line where it stops making sense. */
    private List<String> lines(String fileName, byte[] content) {
        CharsetDecoder decoder = layout.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) (content.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new CdrFormatException(fileName, line, "not valid " + layout.charset().name() + " at byte " + in.position());
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return lines;
    }

    /** Splits one row: fields optionally in double quotes, {@code ""} an escaped quote inside a quoted field. */
    static List<String> fields(String fileName, int lineNo, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new CdrFormatException(fileName, lineNo, "unterminated quoted field " + (fields.size() + 1));
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new CdrFormatException(fileName, lineNo, "text after the closing quote of field " + (fields.size() + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new CdrFormatException(fileName, lineNo, "stray quote in field " + (fields.size() + 1));
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** One data row, read by fact-sheet column name. */
    private record Row(String fileName, int line, List<String> values, Map<String, Integer> index) {

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
