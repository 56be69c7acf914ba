package dev.portal.cases.customer;

import java.util.List;
import java.util.Locale;

/** Which of an Account's cases a list shows: all, open ones, closed ones, or those with one status of the allow-list. */
public sealed interface CaseFilter {

    record All() implements CaseFilter {
    }

    /** Salesforce's {@code IsClosed} flag: {@code open} is every status that is not a closed one. */
    record ByClosed(boolean closed) implements CaseFilter {
    }

    /** Exactly one status, spelled as the org spells it (a value of {@code portal.case.statuses}). */
    record ByStatus(String status) implements CaseFilter {
    }

    /**
     * The filter a request's {@code status} stands for: empty for all, {@code open} or {@code closed} (these two
     * first, any letter case), else one of {@code statuses} in any letter case.
     *
     * @throws InvalidCaseStatus for anything else: no other text ever reaches a query
     */
    static CaseFilter of(String requested, List<String> statuses) {
        if (requested == null || requested.isBlank()) {
            return new All();
        }
        String wanted = requested.strip();
        if (wanted.equalsIgnoreCase("open")) {
            return new ByClosed(false);
        }
        if (wanted.equalsIgnoreCase("closed")) {
            return new ByClosed(true);
        }
        return statuses.stream().filter(status -> status.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst().<CaseFilter>map(ByStatus::new).orElseThrow(() -> new InvalidCaseStatus(statuses));
    }
}
