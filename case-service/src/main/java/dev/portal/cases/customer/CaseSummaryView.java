package dev.portal.cases.customer;

import java.time.Instant;
import java.util.List;

/**
 * A case in the list.
 *
 * @param open     whether Salesforce counts it as open ({@code IsClosed = false})
 * @param category the Case's Type
 * @param closedAt null while open
 */
record CaseSummaryView(String id, String caseNumber, String subject, String status, boolean open, String origin, String category,
                       String priority, Instant createdAt, Instant updatedAt, Instant closedAt) {

    static CaseSummaryView of(SupportCase c) {
        return new CaseSummaryView(c.id().value(), c.caseNumber(), c.subject(), c.status(), c.open(), c.origin(), c.category(),
                c.priority(), c.createdAt(), c.updatedAt(), c.closedAt());
    }

    /**
     * One page of the list, newest first.
     *
     * @param page  the page number, from 1
     * @param total how many of the Account's cases match the filter in all
     */
    record Page(List<CaseSummaryView> cases, int page, int size, long total) {
    }
}
