package dev.portal.clients.sftp;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How CDR files are laid out. The fact sheet's layout is a proposal ([G]); the real partner spec will differ, so
 * columns are found by header name through a map from the fact sheet's column name to the file's header name
 * (a blank value: the file has no such column, the record field is null).
 *
 * @param charset       file encoding (Shift_JIS by default)
 * @param callColumns   fact-sheet CALL column to header name; unmapped columns keep their fact-sheet name
 * @param smsColumns    the same for SMS
 * @param trailerMarker first field of the optional trailer row ({@code #EOF,<count>,<sum_charge_jpy>})
 */
public record CdrLayout(Charset charset, Map<String, String> callColumns, Map<String, String> smsColumns, String trailerMarker) {

    public static final List<String> CALL_COLUMNS = List.of("record_id", "account", "call_start", "call_end",
            "duration_sec", "direction", "called_number", "call_type", "destination_country", "billable_units",
            "charge_jpy", "tax_class", "product_number", "plan_code");
    public static final List<String> SMS_COLUMNS = List.of("record_id", "account", "sent_at", "direction",
            "peer_number", "sms_type", "segments", "charge_jpy", "product_number");
    /** Columns a file must have whatever the map says. */
    static final Set<String> REQUIRED = Set.of("record_id", "account", "call_start", "sent_at", "direction", "charge_jpy");

    public static final CdrLayout DEFAULT = new CdrLayout(null, null, null, null);

    public CdrLayout {
        charset = charset != null ? charset : Charset.forName("Shift_JIS");
        callColumns = complete("CALL", CALL_COLUMNS, callColumns);
        smsColumns = complete("SMS", SMS_COLUMNS, smsColumns);
        trailerMarker = trailerMarker != null ? trailerMarker : "#EOF";
    }

    public CdrLayout withCharset(Charset other) {
        return new CdrLayout(other, callColumns, smsColumns, trailerMarker);
    }

    private static Map<String, String> complete(String kind, List<String> columns, Map<String, String> overrides) {
        Map<String, String> map = new LinkedHashMap<>();
        columns.forEach(column -> map.put(column, column));
        if (overrides != null) {
            overrides.forEach((key, header) -> {
                // property binding strips '_' from map keys: record_id, record-id and recordId all name record_id
                String column = columns.stream().filter(c -> squash(c).equals(squash(key))).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no " + kind + " column '" + key + "'; known: " + columns));
                if ((header == null || header.isBlank()) && REQUIRED.contains(column)) {
                    throw new IllegalArgumentException(kind + " column '" + column + "' is required");
                }
                map.put(column, header == null ? "" : header.strip());
            });
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String squash(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
