package dev.portal.billing.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The caller's open support cases from case-service: {@code GET /api/cases?status=open&page=1&size=N} (the caller's
 * Account only, Salesforce's {@code IsClosed = false}, newest first) answering {@code {"cases":[{"id","caseNumber",
 * "subject","status","createdAt",...}],"page","size","total"}}; {@code total} counts every open case.
 */
@Component
class CaseList {

    private static final String PEER = "case-service";

    private final PeerServices peers;

    CaseList(PeerServices peers) {
        this.peers = peers;
    }

    DashboardView.OpenCases open(String bearer, int limit) {
        JsonNode answer = peers.cases("/api/cases?status=open&page=1&size=" + limit, bearer);
        JsonNode items = answer.path("cases");
        if (!items.isArray() || !answer.path("total").isIntegralNumber()) {
            throw new PeerAnswerUnreadable(PEER, "a cases array and a total");
        }
        List<DashboardView.Case> cases = new ArrayList<>();
        for (JsonNode item : items) {
            cases.add(new DashboardView.Case(item.path("id").asString(null), item.path("caseNumber").asString(null),
                    item.path("subject").asString(null), item.path("status").asString(null), item.path("createdAt").asString(null)));
        }
        return DashboardView.OpenCases.of(answer.path("total").asInt(), cases.subList(0, Math.min(limit, cases.size())));
    }
}
