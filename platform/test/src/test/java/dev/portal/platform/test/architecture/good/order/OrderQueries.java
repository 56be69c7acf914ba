package dev.portal.platform.test.architecture.good.order;

import org.springframework.jdbc.core.JdbcTemplate;

/** A read model for lists and reports: SQL is clearer here than in the aggregate. */
public class OrderQueries {

    private final JdbcTemplate jdbc;

    public OrderQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from orders", Long.class);
        return count == null ? 0 : count;
    }
}
