package dev.portal.cases.customer;

import dev.portal.platform.errors.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The list's {@code status} filter is neither open, closed nor one of the org's statuses. */
class InvalidCaseStatus extends InvalidInput {

    InvalidCaseStatus(List<String> statuses) {
        super("invalid-case-status", "Invalid case status", "status is open, closed or one of " + String.join(", ", statuses) + ".",
                Map.of("allowed", allowed(statuses)));
    }

    private static List<String> allowed(List<String> statuses) {
        List<String> allowed = new ArrayList<>(List.of("open", "closed"));
        allowed.addAll(statuses);
        return allowed;
    }
}
