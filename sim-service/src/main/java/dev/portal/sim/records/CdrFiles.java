package dev.portal.sim.records;

import dev.portal.clients.sftp.CdrFile;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the import of each data file of the drop stands ({@code cdr_files}). */
@Repository
class CdrFiles {

    enum Status { IMPORTING, IMPORTED, FAILED }

    /** A file's import: its status and the last line whose row is written. */
    record State(String name, Status status, long linesDone, long records, long quarantined) {
    }

    private final JdbcClient jdbc;

    CdrFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The file's state, registering it as being imported the first time it is seen. */
    State begin(CdrFile file, Instant now) {
        jdbc.sql("""
                insert into cdr_files (name, kind, usage_date, seq, size, status, started_at)
                values (:name, :kind, :date, :seq, :size, 'IMPORTING', :now) on conflict (name) do nothing""")
                .param("name", file.name()).param("kind", file.kind().name()).param("date", file.date())
                .param("seq", file.seq()).param("size", file.size()).param("now", Timestamp.from(now)).update();
        return find(file.name()).orElseThrow();
    }

    Optional<State> find(String name) {
        return jdbc.sql("select name, status, lines_done, records, quarantined from cdr_files where name = ?").param(name)
                .query((rs, n) -> new State(rs.getString("name"), Status.valueOf(rs.getString("status")),
                        rs.getLong("lines_done"), rs.getLong("records"), rs.getLong("quarantined")))
                .optional();
    }

    /** Rows up to {@code line} are written; adds what this batch wrote. */
    void progress(String name, long line, long records, long quarantined) {
        jdbc.sql("""
                update cdr_files set lines_done = greatest(lines_done, :line), records = records + :records,
                    quarantined = quarantined + :quarantined where name = :name""")
                .param("line", line).param("records", records).param("quarantined", quarantined).param("name", name).update();
    }

    void imported(String name, Instant now) {
        jdbc.sql("update cdr_files set status = 'IMPORTED', finished_at = ? where name = ?")
                .param(Timestamp.from(now)).param(name).update();
    }

    /** The file cannot be read at all (its header); a corrected file with a higher seq is imported instead. */
    void failed(String name, String problem, Instant now) {
        jdbc.sql("update cdr_files set status = 'FAILED', problem = ?, finished_at = ? where name = ?")
                .param(problem).param(Timestamp.from(now)).param(name).update();
    }

    /** Forgets a file's progress, so that the next import reads it again from its first line. */
    void restart(String name) {
        jdbc.sql("update cdr_files set status = 'IMPORTING', lines_done = 0, records = 0, quarantined = 0, problem = null, finished_at = null where name = ?")
                .param(name).update();
    }
}
