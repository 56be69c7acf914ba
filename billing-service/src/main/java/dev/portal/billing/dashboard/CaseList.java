package dev.portal.billing.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The caller's open support cases from case-service: {@code GET /api/cases?status=open&page=0&size=N} (the caller's
 * Account only, Status not Closed, newest first) answering {@code {"items":[{"id","caseNumber","subject","status",
 * "createdAt"}],"totalItems"}}.
 */
@Component
class CaseList {

    private static final String PEER = "case-service";

    private final PeerServices peers;

    CaseList(PeerServices peers) {
        this.peers = peers;
    }

    DashboardView.OpenCases open(String bearer, int limit) {
        JsonNode answer = peers.cases("/api/cases?status=open&page=0&size=" + limit, bearer);
        JsonNode items = answer.path("items");
        if (!items.isArray()) {
            throw new PeerAnswerUnreadable(PEER, "an items array");
        }
        List<DashboardView.Case> cases = new ArrayList<>();
        for (JsonNode item : items) {
            cases.add(new DashboardView.Case(item.path("id").asString(null), item.path("caseNumber").asString(null),
                    item.path("subject").asString(null), item.path("status").asString(null), item.path("createdAt").asString(null)));
        }
        int count = answer.path("totalItems").isIntegralNumber() ? answer.path("totalItems").asInt() : cases.size();
        return DashboardView.OpenCases.of(count, cases.subList(0, Math.min(limit, cases.size())));
    }
}
