package dev.portal.billing.dashboard;

import dev.portal.billing.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The caller's recent orders from order-service: {@code GET /api/orders?page=N&size=50} (pages from 1, the caller's
 * Account only, newest first) answering {@code {"orders":[{"id","orderNumber","status","activationStatus","placedAt",
 * "total":{amount,currency}},...],"page","size","total"}}. Pages are read until an order placed before the cut-off
 * shows up. An order without a readable {@code placedAt} makes the section unavailable rather than silently missing
 * (the contract has drifted).
 */
@Component
class OrderHistory {

    static final int PAGE = 50;
    private static final int MAX_PAGES = 4;
    private static final String PEER = "order-service";

    private final PeerServices peers;

    OrderHistory(PeerServices peers) {
        this.peers = peers;
    }

    /** Orders placed on or after {@code since} (a date in {@code zone}); at most {@code limit} listed. */
    DashboardView.RecentOrders since(String bearer, LocalDate since, ZoneId zone, int days, int limit) {
        List<DashboardView.Order> recent = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode orders = peers.orders("/api/orders?page=" + page + "&size=" + PAGE, bearer).path("orders");
            if (!orders.isArray()) {
                throw new PeerAnswerUnreadable(PEER, "an orders array");
            }
            boolean older = false;
            for (JsonNode order : orders) {
                String placedAt = order.path("placedAt").asString(null);
                if (placedOn(placedAt, zone).isBefore(since)) {
                    older = true;
                    break;
                }
                recent.add(new DashboardView.Order(order.path("id").asString(null), order.path("orderNumber").asString(null),
                        order.path("status").asString(null), order.path("activationStatus").asString(null), placedAt,
                        money(order.path("total"))));
            }
            if (older || orders.size() < PAGE) {
                break;
            }
        }
        return DashboardView.RecentOrders.of(days, recent.size(), recent.subList(0, Math.min(limit, recent.size())));
    }

    private static LocalDate placedOn(String placedAt, ZoneId zone) {
        if (placedAt == null) {
            throw new PeerAnswerUnreadable(PEER, "placedAt on an order");
        }
        try {
            return Instant.parse(placedAt).atZone(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new PeerAnswerUnreadable(PEER, "an ISO instant in placedAt");
        }
    }

    // {"amount": 990, "currency": "JPY"} as every service of the suite writes money; absent stays absent
    private static Money money(JsonNode total) {
        if (!total.isObject() || !total.path("amount").isNumber()) {
            return null;
        }
        return Money.of(total.path("amount").decimalValue(), total.path("currency").asString(null));
    }
}
