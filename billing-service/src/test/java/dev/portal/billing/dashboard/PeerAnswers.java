package dev.portal.billing.dashboard;

import dev.portal.platform.test.FixtureServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Answers of order-service and case-service in the shapes the dashboard reads (decision 0034). */
final class PeerAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PeerAnswers() {
    }

    static Map<String, Object> order(String id, String status, Instant createdAt) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("status", status);
        order.put("createdAt", createdAt.toString());
        order.put("total", Map.of("amount", 990, "currency", "JPY"));
        order.put("items", List.of(Map.of("pricebookEntryId", "01uSb0000000010AAA", "quantity", 1)));
        return order;
    }

    /** {@code GET /api/orders} answering one page. */
    static FixtureServer.Body orders(int page, int totalItems, List<Map<String, Object>> orders) {
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("items", orders, "page", page, "size", 50, "totalItems", totalItems)));
    }

    static Map<String, Object> openCase(String id, String number, String subject) {
        return Map.of("id", id, "caseNumber", number, "subject", subject, "status", "New", "origin", "Portal Website",
                "createdAt", "2026-12-01T01:02:03Z");
    }

    static FixtureServer.Body cases(int totalItems, List<Map<String, Object>> cases) {
        return FixtureServer.json(200, JSON.writeValueAsString(Map.of("items", cases, "page", 0, "size", 10, "totalItems", totalItems)));
    }

    static List<Map<String, Object>> ordersPlacedEvery(Instant newest, int count, java.time.Duration apart) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order(String.format("801Sb%013dAAA", i), "Activated", newest.minus(apart.multipliedBy(i))));
        }
        return orders;
    }
}
