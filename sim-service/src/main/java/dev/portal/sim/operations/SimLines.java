package dev.portal.sim.operations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per SIM line, locked by every change request of that line: requests of one line queue on it, across every
 * instance of the service, so the interval and line-busy checks see each other's results.
 */
@Repository
class SimLines {

    private final JdbcClient jdbc;

    SimLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the line's row until the transaction ends (creating it on first use). */
    void lock(String msisdn) {
        jdbc.sql("insert into sim_lines (msisdn) values (?) on conflict do nothing").param(msisdn).update();
        jdbc.sql("select msisdn from sim_lines where msisdn = ? for update").param(msisdn).query(String.class).single();
    }
}
