package dev.portal.cases.tracking;

import dev.portal.clients.salesforce.SalesforceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local view of cases (table {@code tracked_cases}). */
@Repository
class TrackedCases {

    private final JdbcClient jdbc;

    TrackedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case, locked until the transaction ends, so that two changes of one case are applied one after the other. */
    Optional<TrackedCase> lock(SalesforceId caseId) {
        return jdbc.sql("select case_id, account_id, case_number, subject, status, changed_at from tracked_cases where case_id = :id for update")
                .param("id", caseId.value()).query(TrackedCases::row).optional();
    }

    void save(TrackedCase c) {
        jdbc.sql("""
                insert into tracked_cases (case_id, account_id, case_number, subject, status, changed_at)
                values (:id, :account, :number, :subject, :status, :at)
                on conflict (case_id) do update set account_id = excluded.account_id, case_number = excluded.case_number,
                    subject = excluded.subject, status = excluded.status, changed_at = excluded.changed_at
                """)
                .param("id", c.caseId().value()).param("account", c.account() == null ? null : c.account().value())
                .param("number", c.caseNumber()).param("subject", c.subject()).param("status", c.status())
                .param("at", Timestamp.from(c.changedAt())).update();
    }

    void remove(SalesforceId caseId) {
        jdbc.sql("delete from tracked_cases where case_id = :id").param("id", caseId.value()).update();
    }

    private static TrackedCase row(ResultSet rs, int n) throws SQLException {
        String account = rs.getString("account_id");
        return new TrackedCase(new SalesforceId(rs.getString("case_id")), account == null ? null : new SalesforceId(account),
                rs.getString("case_number"), rs.getString("subject"), rs.getString("status"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
