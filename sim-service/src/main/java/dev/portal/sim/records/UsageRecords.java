package dev.portal.sim.records;

import dev.portal.clients.sftp.CallRecord;
import dev.portal.clients.sftp.MalformedLine;
import dev.portal.clients.sftp.SmsRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes imported rows in JDBC batches. Each record is keyed by its record id: writing it again changes nothing,
 * unless it comes from a corrected file (a higher seq), whose values win. Quarantined rows are keyed by file and line.
 */
@Repository
class UsageRecords {

    private static final String CALLS = """
            insert into call_records (record_id, account, started_at, ended_at, duration_sec, direction, other_number,
                call_type, destination_country, billable_units, charge_jpy, tax_class, product_number, plan_code,
                source_file, source_seq)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (record_id) do update set account = excluded.account, started_at = excluded.started_at,
                ended_at = excluded.ended_at, duration_sec = excluded.duration_sec, direction = excluded.direction,
                other_number = excluded.other_number, call_type = excluded.call_type,
                destination_country = excluded.destination_country, billable_units = excluded.billable_units,
                charge_jpy = excluded.charge_jpy, tax_class = excluded.tax_class, product_number = excluded.product_number,
                plan_code = excluded.plan_code, source_file = excluded.source_file, source_seq = excluded.source_seq
            where call_records.source_seq < excluded.source_seq""";
    private static final String SMS = """
            insert into sms_records (record_id, account, sent_at, direction, other_number, sms_type, segments, charge_jpy,
                product_number, source_file, source_seq)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (record_id) do update set account = excluded.account, sent_at = excluded.sent_at,
                direction = excluded.direction, other_number = excluded.other_number, sms_type = excluded.sms_type,
                segments = excluded.segments, charge_jpy = excluded.charge_jpy, product_number = excluded.product_number,
                source_file = excluded.source_file, source_seq = excluded.source_seq
            where sms_records.source_seq < excluded.source_seq""";
    private static final String QUARANTINE = """
            insert into cdr_quarantine (file_name, line, problem, content, quarantined_at) values (?, ?, ?, ?, ?)
            on conflict (file_name, line) do nothing""";

    private final JdbcTemplate jdbc;

    UsageRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes calls of one file (no record id twice in one call). */
    void writeCalls(Collection<CallRecord> calls, String file, int seq) {
        jdbc.batchUpdate(CALLS, List.copyOf(calls), calls.size(), (ps, c) -> {
            ps.setString(1, c.recordId());
            ps.setString(2, c.account());
            ps.setTimestamp(3, timestamp(c.callStart()));
            ps.setTimestamp(4, timestamp(c.callEnd()));
            setInt(ps, 5, c.durationSec());
            ps.setString(6, c.direction().code());
            ps.setString(7, c.calledNumber());
            ps.setString(8, c.callType());
            ps.setString(9, c.destinationCountry());
            setInt(ps, 10, c.billableUnits());
            ps.setBigDecimal(11, c.chargeJpy());
            ps.setString(12, c.taxClass());
            ps.setString(13, c.productNumber());
            ps.setString(14, c.planCode());
            ps.setString(15, file);
            ps.setInt(16, seq);
        });
    }

    /** Writes SMS of one file (no record id twice in one call). */
    void writeSms(Collection<SmsRecord> messages, String file, int seq) {
        jdbc.batchUpdate(SMS, List.copyOf(messages), messages.size(), (ps, s) -> {
            ps.setString(1, s.recordId());
            ps.setString(2, s.account());
            ps.setTimestamp(3, timestamp(s.sentAt()));
            ps.setString(4, s.direction().code());
            ps.setString(5, s.peerNumber());
            ps.setString(6, s.smsType());
            setInt(ps, 7, s.segments());
            ps.setBigDecimal(8, s.chargeJpy());
            ps.setString(9, s.productNumber());
            ps.setString(10, file);
            ps.setInt(11, seq);
        });
    }

    void quarantine(Collection<MalformedLine> lines, Instant now) {
        jdbc.batchUpdate(QUARANTINE, List.copyOf(lines), lines.size(), (ps, m) -> {
            ps.setString(1, m.fileName());
            ps.setLong(2, m.line());
            ps.setString(3, m.problem());
            ps.setString(4, m.content());
            ps.setTimestamp(5, Timestamp.from(now));
        });
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
