package dev.portal.sandbox.sftp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic call and SMS records: the same line, date and index always give the same record (same
 * {@code record_id}, same content), so a corrected file repeats the records it already had.
 */
final class SftpCdrRecords {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** At most this many calls (and SMS) per line and day: one slot of 15 minutes each from 06:00. */
    static final int MAX_PER_DAY = 60;

    /** One record as column name to value, and its charge for the trailer. */
    record Row(Map<String, String> values, BigDecimal charge) {
    }

    private SftpCdrRecords() {
    }

    static Row call(SftpSimLine line, LocalDate date, int index) {
        Random random = new Random(seed("CALL", line, date, index));
        LocalDateTime start = date.atTime(6, 0).plusSeconds(index * 900L + random.nextInt(600));
        int duration = 5 + random.nextInt(596);
        boolean outgoing = random.nextInt(4) != 0;
        int kind = random.nextInt(100);
        String type = kind < 80 ? "DOMESTIC" : kind < 88 ? "TOLLFREE" : kind < 94 ? "INTL" : kind < 97 ? "SPECIAL" : "ROAMING";
        String country = "JP";
        String number;
        BigDecimal perUnit;
        switch (type) {
            case "TOLLFREE" -> {
                number = "0120" + digits(random, 6);
                perUnit = BigDecimal.ZERO;
            }
            case "INTL" -> {
                String[][] countries = {{"US", "1"}, {"KR", "82"}, {"GB", "44"}};
                String[] pick = countries[random.nextInt(countries.length)];
                country = pick[0];
                number = "010" + pick[1] + digits(random, 10);
                perUnit = new BigDecimal("50.00");
            }
            case "SPECIAL" -> {
                number = "0570" + digits(random, 6);
                perUnit = new BigDecimal("20.00");
            }
            case "ROAMING" -> {
                number = "090" + digits(random, 8);
                perUnit = new BigDecimal("70.00");
            }
            default -> {
                number = (random.nextBoolean() ? "03" : "080") + digits(random, 8);
                perUnit = new BigDecimal("20.00");
            }
        }
        if (number.startsWith("03")) {
            number = number.substring(0, 10);
        }
        int units = (duration + 29) / 30;
        boolean charged = outgoing || "ROAMING".equals(type);
        BigDecimal charge = charged ? perUnit.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.UNNECESSARY)
                : BigDecimal.ZERO.setScale(2);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("record_id", id("C", line, date, index));
        values.put("account", line.msisdn());
        values.put("call_start", TIMESTAMP.format(start));
        values.put("call_end", TIMESTAMP.format(start.plusSeconds(duration)));
        values.put("duration_sec", Integer.toString(duration));
        values.put("direction", outgoing ? "O" : "I");
        values.put("called_number", number);
        values.put("call_type", type);
        values.put("destination_country", country);
        values.put("billable_units", Integer.toString(units));
        values.put("charge_jpy", charge.toPlainString());
        values.put("tax_class", taxClass(charge));
        values.put("product_number", line.productNumber());
        values.put("plan_code", line.planCode());
        return new Row(values, charge);
    }

    static Row sms(SftpSimLine line, LocalDate date, int index) {
        Random random = new Random(seed("SMS", line, date, index));
        LocalDateTime sent = date.atTime(6, 5).plusSeconds(index * 900L + random.nextInt(600));
        boolean outgoing = random.nextInt(3) != 0;
        boolean international = random.nextInt(10) == 0;
        int segments = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        String peer = international ? "010" + (random.nextBoolean() ? "1" : "82") + digits(random, 10) : "090" + digits(random, 8);
        BigDecimal perSegment = international ? new BigDecimal("100.00") : new BigDecimal("3.00");
        BigDecimal charge = outgoing ? perSegment.multiply(BigDecimal.valueOf(segments)) : BigDecimal.ZERO.setScale(2);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("record_id", id("S", line, date, index));
        values.put("account", line.msisdn());
        values.put("sent_at", TIMESTAMP.format(sent));
        values.put("direction", outgoing ? "O" : "I");
        values.put("peer_number", peer);
        values.put("sms_type", international ? "INTL" : "DOMESTIC");
        values.put("segments", Integer.toString(segments));
        values.put("charge_jpy", charge.toPlainString());
        values.put("product_number", line.productNumber());
        return new Row(values, charge);
    }

    /** Japanese tax class labels, so the file's encoding matters: taxable / outside the scope of tax. */
    private static String taxClass(BigDecimal charge) {
        return charge.signum() > 0 ? "課税" : "不課税";
    }

    private static String id(String prefix, SftpSimLine line, LocalDate date, int index) {
        return "%s-%s-%s-%04d".formatted(prefix, DAY.format(date), line.msisdn(), index + 1);
    }

    private static long seed(String kind, SftpSimLine line, LocalDate date, int index) {
        return (kind + "|" + line.msisdn() + "|" + date + "|" + index).hashCode() * 31L + index;
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
