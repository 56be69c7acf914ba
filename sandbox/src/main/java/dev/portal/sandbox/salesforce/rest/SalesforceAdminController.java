package dev.portal.sandbox.salesforce.rest;

import dev.portal.platform.web.ProblemException;
import dev.portal.sandbox.salesforce.SalesforceIds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Map;

/**
 * Salesforce scenarios for development and tests, changed the way a person in the org would (no API origin, the
 * sandbox's admin user as commit user): approve an order, move a case as an agent would, change a price, set any
 * field, comment on a case as an agent, set the API usage, and list the SOQL the org received.
 * Every change publishes its {@code SalesforceRecordsChanged} like an API change.
 */
@RestController
@RequestMapping("/sandbox/admin/salesforce")
class SalesforceAdminController {

    /** The org user that admin scenarios act as (not the integration user). */
    static final String ADMIN_USER_ID = SalesforceIds.to18("005Sb0000000002");


    private final SalesforceRestApi api;

    SalesforceAdminController(SalesforceRestApi api) {
        this.api = api;
    }

    record Price(Double unitPrice) {
    }

    record Usage(Integer used) {
    }

    record CaseStatus(String status) {
    }

    record CaseComment(String body, Boolean published) {
    }

    /** Status → Approved. */
    @PostMapping("/orders/{id}/approve")
    Map<String, Object> approve(@PathVariable String id) {
        return change("Order", id, "{\"Status\":\"Approved\"}");
    }

    /** An agent moves a case: Status → New, Working or Closed (IsClosed and ClosedDate follow). */
    @PostMapping("/cases/{id}/status")
    Map<String, Object> caseStatus(@PathVariable String id, @RequestBody CaseStatus change) {
        if (change.status() == null || change.status().isBlank()) {
            throw ProblemException.badRequest("status-missing", "give the new status, e.g. {\"status\":\"Working\"}");
        }
        return change("Case", id, JsonNodeFactory.instance.objectNode().put("Status", change.status()).toString());
    }

    /** An agent comments on a case: public ({@code published}, the default) or an internal note. Answers the comment. */
    @PostMapping("/cases/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Object caseComment(@PathVariable String id, @RequestBody CaseComment comment) {
        if (comment.body() == null || comment.body().isBlank()) {
            throw ProblemException.badRequest("body-missing", "give the comment, e.g. {\"body\":\"We are on it.\"}");
        }
        return guarded(() -> {
            // the case must exist (404 otherwise); its 18-character id is the comment's parent
            String caseId = (String) ((Map<?, ?>) api.retrieve("62.0", "Case", id, "Id").body()).get("Id");
            var fields = JsonNodeFactory.instance.objectNode().put("ParentId", caseId).put("CommentBody", comment.body())
                    .put("IsPublished", comment.published() == null || comment.published());
            String commentId = api.data().inTransaction("", ADMIN_USER_ID, tx ->
                    (String) ((Map<?, ?>) api.create(tx, "62.0", "CaseComment", fields).body()).get("id"));
            return api.retrieve("62.0", "CaseComment", commentId, null).body();
        });
    }

    /** The SOQL statements the org received since the last reset, oldest first (what a client really sent). */
    @GetMapping("/queries")
    List<String> queries() {
        return api.receivedQueries();
    }

    /** A price book entry's UnitPrice. */
    @PutMapping("/pricebook-entries/{id}/price")
    Map<String, Object> price(@PathVariable String id, @RequestBody Price price) {
        if (price.unitPrice() == null || price.unitPrice() < 0) {
            throw ProblemException.badRequest("invalid-price", "unitPrice must be a number of at least 0");
        }
        return change("PricebookEntry", id, "{\"UnitPrice\":" + price.unitPrice() + "}");
    }

    /** Any updatable fields of any record, given as a JSON object of field values. */
    @PatchMapping("/records/{type}/{id}")
    Map<String, Object> set(@PathVariable String type, @PathVariable String id, @RequestBody JsonNode fields) {
        return change(type, id, fields.toString());
    }

    @GetMapping("/records/{type}/{id}")
    Object record(@PathVariable String type, @PathVariable String id) {
        return guarded(() -> api.retrieve("62.0", type, id, null).body());
    }

    /** Sets how many API requests count as used today (to test {@code REQUEST_LIMIT_EXCEEDED}). */
    @PutMapping("/api-usage")
    Map<String, String> usage(@RequestBody Usage usage) {
        if (usage.used() == null || usage.used() < 0) {
            throw ProblemException.badRequest("invalid-usage", "used must be a number of at least 0");
        }
        api.setUsed(usage.used());
        return Map.of("limitInfo", api.limitInfo());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> change(String type, String id, String json) {
        return guarded(() -> {
            api.data().inTransaction("", ADMIN_USER_ID, tx -> api.update(tx, type, id, SalesforceRestApiController.json(json)));
            return (Map<String, Object>) api.retrieve("62.0", type, id, null).body();
        });
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SalesforceRestError e) {
            HttpStatus status = HttpStatus.valueOf(e.status());
            throw new ProblemException(status, e.errorCode().toLowerCase().replace('_', '-'), status.getReasonPhrase(), e.getMessage());
        }
    }
}
