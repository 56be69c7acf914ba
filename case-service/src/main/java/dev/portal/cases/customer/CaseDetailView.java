package dev.portal.cases.customer;

import java.time.Instant;
import java.util.List;

/**
 * One case with its description and the comments the customer may read.
 *
 * @param open     whether Salesforce counts it as open ({@code IsClosed = false})
 * @param category the Case's Type
 * @param closedAt null while open
 * @param comments the published comments, oldest first
 */
record CaseDetailView(String id, String caseNumber, String subject, String description, String status, boolean open, String origin,
                      String category, String priority, Instant createdAt, Instant updatedAt, Instant closedAt,
                      List<CommentView> comments) {

    record CommentView(String id, String body, Instant createdAt) {
    }

    static CaseDetailView of(CaseManagement.CaseDetails details) {
        SupportCase c = details.supportCase();
        return new CaseDetailView(c.id().value(), c.caseNumber(), c.subject(), c.description(), c.status(), c.open(), c.origin(),
                c.category(), c.priority(), c.createdAt(), c.updatedAt(), c.closedAt(),
                details.comments().stream().map(comment -> new CommentView(comment.id(), comment.body(), comment.createdAt())).toList());
    }
}
