package dev.portal.sim.records;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of one line's call and SMS records: daily totals and pages of records, in the service's time zone. */
@Repository
class RecordQueries {

    /** One day's totals of a line. */
    record Day(LocalDate date, long calls, long callSeconds, BigDecimal callChargeJpy, long sms, long smsSegments,
               BigDecimal smsChargeJpy) {
    }

    /** One call or SMS. {@code durationSec}, {@code endedAt} and {@code destinationCountry} are a call's. */
    record Row(String type, String recordId, Instant at, Instant endedAt, String direction, String otherNumber,
               String category, String destinationCountry, Integer durationSec, Integer units, BigDecimal chargeJpy) {
    }

    private final JdbcClient jdbc;

    RecordQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Daily totals of {@code account} from {@code from} to {@code to} (both included), days without records left out. */
    List<Day> usage(String account, LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("""
                select day, sum(calls) calls, sum(call_seconds) call_seconds, sum(call_charge) call_charge,
                       sum(sms) sms, sum(sms_segments) sms_segments, sum(sms_charge) sms_charge
                from (
                    select (started_at at time zone :zone)::date as day, count(*) calls, coalesce(sum(duration_sec), 0) call_seconds,
                           sum(charge_jpy) call_charge, 0 sms, 0 sms_segments, 0 sms_charge
                    from call_records where account = :account and started_at >= :from and started_at < :to
                    group by 1
                    union all
                    select (sent_at at time zone :zone)::date, 0, 0, 0, count(*), coalesce(sum(segments), 0), sum(charge_jpy)
                    from sms_records where account = :account and sent_at >= :from and sent_at < :to
                    group by 1
                ) days group by day order by day""")
                .param("zone", zone.getId()).param("account", account)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("calls"), rs.getLong("call_seconds"),
                        rs.getBigDecimal("call_charge"), rs.getLong("sms"), rs.getLong("sms_segments"), rs.getBigDecimal("sms_charge")))
                .list();
    }

    /** Records of {@code account} in the period, newest first; {@code type} {@code call}, {@code sms} or null for both. */
    List<Row> records(String account, LocalDate from, LocalDate to, ZoneId zone, String type, int offset, int limit) {
        return jdbc.sql(select(type) + " order by at desc, record_id desc offset :offset limit :limit")
                .param("account", account)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Row(rs.getString("type"), rs.getString("record_id"), rs.getTimestamp("at").toInstant(),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                        "O".equals(rs.getString("direction")) ? "outgoing" : "incoming", rs.getString("other_number"),
                        rs.getString("category"), rs.getString("destination_country"),
                        (Integer) rs.getObject("duration_sec"), (Integer) rs.getObject("units"), rs.getBigDecimal("charge_jpy")))
                .list();
    }

    long count(String account, LocalDate from, LocalDate to, ZoneId zone, String type) {
        return jdbc.sql("select count(*) from (" + select(type) + ") r")
                .param("account", account)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(Long.class).single();
    }

    private static String select(String type) {
        String calls = """
                select 'call' as type, record_id, started_at as at, ended_at, direction, other_number, call_type as category,
                       destination_country, duration_sec, billable_units as units, charge_jpy
                from call_records where account = :account and started_at >= :from and started_at < :to""";
        String sms = """
                select 'sms' as type, record_id, sent_at as at, null::timestamptz as ended_at, direction, other_number,
                       sms_type as category, null as destination_country, null::integer as duration_sec, segments as units, charge_jpy
                from sms_records where account = :account and sent_at >= :from and sent_at < :to""";
        if ("call".equals(type)) {
            return calls;
        }
        if ("sms".equals(type)) {
            return sms;
        }
        return calls + "\nunion all\n" + sms;
    }
}
