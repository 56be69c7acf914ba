package dev.portal.platform.test.architecture.good.order;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The repository (a plural noun): SQL belongs here. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Order order) {
        jdbc.sql("insert into orders (id, submitted_at) values (?, ?)").params(order.id(), order.submittedAt()).update();
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("select id, submitted_at from orders where id = ?").param(id)
                .query((rs, n) -> new Order(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }
}
