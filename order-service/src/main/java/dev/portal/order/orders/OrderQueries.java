package dev.portal.order.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read views of the local orders: a page of an account's orders, newest first, or one of them, each with its items
 * and timeline. Three queries per request whatever the page size (orders, then their items, then their steps).
 */
@Repository
class OrderQueries {

    private static final String COLUMNS = "id, order_number, status, activation_status, activation_reason, placed_at, effective_date, note";

    /** A page of orders and how many the account has in all. */
    record Page(List<OrderView> orders, long total) {
    }

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 1) of {@code size} orders of {@code accountId}, newest first. */
    Page ofAccount(String accountId, int page, int size) {
        long total = jdbc.sql("select count(*) from orders where account_id = ?").param(accountId).query(Long.class).single();
        List<Head> heads = jdbc.sql("select " + COLUMNS + " from orders where account_id = :account"
                        + " order by placed_at desc, id desc limit :size offset :offset")
                .param("account", accountId).param("size", size).param("offset", (long) (page - 1) * size)
                .query(OrderQueries::head).list();
        return new Page(views(heads), total);
    }

    /** The order {@code orderId} when it belongs to {@code accountId}. */
    Optional<OrderView> one(String accountId, String orderId) {
        List<Head> heads = jdbc.sql("select " + COLUMNS + " from orders where id = ? and account_id = ?")
                .params(orderId, accountId).query(OrderQueries::head).list();
        return views(heads).stream().findFirst();
    }

    private List<OrderView> views(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> ids = heads.stream().map(Head::id).toList();
        Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
        jdbc.sql("select order_id, item_id, pricebook_entry_id, product_id, name, code, category, quantity, unit_price, currency"
                        + " from order_items where order_id in (:ids) order by order_id, position")
                .param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>()).add(new OrderLine(
                            rs.getString("item_id"), rs.getString("pricebook_entry_id"), rs.getString("product_id"),
                            rs.getString("name"), rs.getString("code"), rs.getString("category"), rs.getInt("quantity"),
                            rs.getBigDecimal("unit_price"), rs.getString("currency")));
                });
        Map<String, List<TimelineStep>> steps = new LinkedHashMap<>();
        jdbc.sql("select order_id, step, status, attempt, reason, at from order_steps where order_id in (:ids) order by order_id, position")
                .param("ids", ids)
                .query(rs -> {
                    steps.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>()).add(new TimelineStep(
                            rs.getString("step"), StepStatus.valueOf(rs.getString("status")), rs.getInt("attempt"),
                            rs.getString("reason"), rs.getTimestamp("at").toInstant()));
                });
        return heads.stream().map(h -> OrderView.of(h.id(), h.orderNumber(), h.status(), h.activation(), h.reason(),
                h.placedAt().toInstant(), h.effectiveDate(), h.note(), lines.getOrDefault(h.id(), List.of()),
                steps.getOrDefault(h.id(), List.of()))).toList();
    }

    private record Head(String id, String orderNumber, String status, ActivationStatus activation, String reason,
                        Timestamp placedAt, LocalDate effectiveDate, String note) {
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        java.sql.Date effective = rs.getDate("effective_date");
        return new Head(rs.getString("id"), rs.getString("order_number"), rs.getString("status"),
                ActivationStatus.valueOf(rs.getString("activation_status")), rs.getString("activation_reason"),
                rs.getTimestamp("placed_at"), effective == null ? null : effective.toLocalDate(), rs.getString("note"));
    }
}
