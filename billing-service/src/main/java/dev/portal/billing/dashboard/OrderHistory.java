package dev.portal.billing.dashboard;

import dev.portal.billing.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The caller's recent orders from order-service: {@code GET /api/orders?page=N&size=50} (the caller's Account only,
 * newest first) answering {@code {"items":[{"id","status","createdAt",...}],"totalItems"}}. Pages are read until an
 * order older than the cut-off shows up. An order without a readable {@code createdAt} makes the section
 * unavailable rather than silently missing (the contract has drifted).
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
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = peers.orders("/api/orders?page=" + page + "&size=" + PAGE, bearer);
            JsonNode items = answer.path("items");
            if (!items.isArray()) {
                throw new PeerAnswerUnreadable(PEER, "an items array");
            }
            boolean older = false;
            for (JsonNode order : items) {
                String createdAt = order.path("createdAt").asString(null);
                if (orderedOn(createdAt, zone).isBefore(since)) {
                    older = true;
                    break;
                }
                recent.add(new DashboardView.Order(order.path("id").asString(null), order.path("status").asString(null),
                        createdAt, money(order.path("total"))));
            }
            if (older || items.size() < PAGE) {
                break;
            }
        }
        return DashboardView.RecentOrders.of(days, recent.size(), recent.subList(0, Math.min(limit, recent.size())));
    }

    private static LocalDate orderedOn(String createdAt, ZoneId zone) {
        if (createdAt == null) {
            throw new PeerAnswerUnreadable(PEER, "createdAt on an order");
        }
        try {
            return OffsetDateTime.parse(createdAt).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException notAnOffset) {
            try {
                return Instant.parse(createdAt).atZone(zone).toLocalDate();
            } catch (DateTimeParseException notAnInstant) {
                throw new PeerAnswerUnreadable(PEER, "an ISO date-time in createdAt");
            }
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
