package dev.portal.billing.dashboard;

import dev.portal.platform.test.FixtureServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Answers of order-service and case-service in the shapes their READMEs document (and the dashboard reads). */
final class PeerAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PeerAnswers() {
    }

    static Map<String, Object> order(String id, String status, Instant placedAt) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("orderNumber", "000001" + id.substring(id.length() - 5, id.length() - 3));
        order.put("status", status);
        order.put("activationStatus", "Activated".equals(status) ? "ACTIVATED" : "NOT_STARTED");
        order.put("activationReason", null);
        order.put("placedAt", placedAt.toString());
        order.put("effectiveDate", null);
        order.put("note", null);
        order.put("items", List.of(Map.of("id", "802Sb0000000001AAA", "pricebookEntryId", "01uSb0000000010AAA", "quantity", 1,
                "unitPrice", Map.of("amount", 990, "currency", "JPY"), "total", Map.of("amount", 990, "currency", "JPY"))));
        order.put("total", Map.of("amount", 990, "currency", "JPY"));
        order.put("timeline", List.of());
        return order;
    }

    /** {@code GET /api/orders} answering one page (pages from 1). */
    static FixtureServer.Body orders(int page, int total, List<Map<String, Object>> orders) {
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("orders", orders, "page", page, "size", 50, "total", total)));
    }

    static List<Map<String, Object>> ordersPlacedEvery(Instant newest, int count, Duration apart) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order(String.format("801Sb%010dAAA", i), "Activated", newest.minus(apart.multipliedBy(i))));
        }
        return orders;
    }

    static Map<String, Object> openCase(String id, String number, String subject) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("caseNumber", number);
        item.put("subject", subject);
        item.put("status", "New");
        item.put("open", true);
        item.put("origin", "Portal Website");
        item.put("category", "SIM");
        item.put("priority", null);
        item.put("createdAt", "2026-12-01T01:02:03Z");
        item.put("updatedAt", "2026-12-01T01:02:03Z");
        item.put("closedAt", null);
        return item;
    }

    static FixtureServer.Body cases(int total, List<Map<String, Object>> cases) {
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("cases", cases, "page", 1, "size", 10, "total", total)));
    }
}
