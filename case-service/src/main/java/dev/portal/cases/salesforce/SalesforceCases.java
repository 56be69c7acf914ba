package dev.portal.cases.salesforce;

import dev.portal.cases.customer.CaseComment;
import dev.portal.cases.customer.CaseFilter;
import dev.portal.cases.customer.Cases;
import dev.portal.cases.customer.NewCase;
import dev.portal.cases.customer.SupportCase;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.SalesforceId;
import dev.portal.clients.salesforce.Soql;
import dev.portal.clients.support.ExternalResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link Cases} on Salesforce's REST API. Every statement is a constant template whose values are bound
 * ({@link Soql}): the Account and case ids are checked {@link SalesforceId}s, the status one of the allow-list, the
 * numbers numbers. Every read is filtered by {@code AccountId}, so another Account's case is never returned.
 */
@Component
class SalesforceCases implements Cases {

    private static final String FROM_ACCOUNT = " FROM Case WHERE AccountId = :account";
    private static final String NEWEST_FIRST = " ORDER BY CreatedDate DESC, Id DESC LIMIT :size OFFSET :offset";

    private static final Soql PAGE_ALL = Soql.of("SELECT " + CaseRow.SUMMARY_FIELDS + FROM_ACCOUNT + NEWEST_FIRST);
    private static final Soql PAGE_BY_CLOSED = Soql.of("SELECT " + CaseRow.SUMMARY_FIELDS + FROM_ACCOUNT + " AND IsClosed = :closed" + NEWEST_FIRST);
    private static final Soql PAGE_BY_STATUS = Soql.of("SELECT " + CaseRow.SUMMARY_FIELDS + FROM_ACCOUNT + " AND Status = :status" + NEWEST_FIRST);
    private static final Soql COUNT_ALL = Soql.of("SELECT COUNT()" + FROM_ACCOUNT);
    private static final Soql COUNT_BY_CLOSED = Soql.of("SELECT COUNT()" + FROM_ACCOUNT + " AND IsClosed = :closed");
    private static final Soql COUNT_BY_STATUS = Soql.of("SELECT COUNT()" + FROM_ACCOUNT + " AND Status = :status");
    private static final Soql ONE = Soql.of("SELECT " + CaseRow.DETAIL_FIELDS + FROM_ACCOUNT + " AND Id = :id LIMIT 1");
    /** Published comments only: internal notes (IsPublished = false) are for agents. Bounded: a case page is not an archive. */
    private static final Soql PUBLIC_COMMENTS = Soql.of("SELECT Id, CommentBody, CreatedDate FROM CaseComment"
            + " WHERE ParentId = :case AND IsPublished = true ORDER BY CreatedDate ASC, Id ASC LIMIT 200");

    private final SalesforceClient salesforce;

    SalesforceCases(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public SalesforceId open(NewCase newCase) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("AccountId", newCase.account().value());
        fields.put("Origin", NewCase.ORIGIN);
        fields.put("Status", NewCase.STATUS);
        fields.put("Subject", newCase.subject());
        fields.put("Description", newCase.description());
        if (newCase.category() != null) {
            fields.put("Type", newCase.category());
        }
        String id = salesforce.create("Case", fields);
        return SalesforceId.parse(id, "500").orElseThrow(() ->
                new ExternalResponseException(SalesforceClient.SYSTEM, "create", 201, "create answered an id that is not a Case id", null));
    }

    @Override
    public List<SupportCase> page(SalesforceId account, CaseFilter filter, int offset, int size) {
        Soql template = switch (filter) {
            case CaseFilter.All all -> PAGE_ALL;
            case CaseFilter.ByClosed byClosed -> PAGE_BY_CLOSED.bind("closed", byClosed.closed());
            case CaseFilter.ByStatus byStatus -> PAGE_BY_STATUS.bind("status", byStatus.status());
        };
        String soql = template.bind("account", account).bind("size", size).bind("offset", offset).text();
        return salesforce.query(soql, CaseRow.class).stream().map(row -> supportCase(row, "query")).toList();
    }

    @Override
    public int count(SalesforceId account, CaseFilter filter) {
        Soql template = switch (filter) {
            case CaseFilter.All all -> COUNT_ALL;
            case CaseFilter.ByClosed byClosed -> COUNT_BY_CLOSED.bind("closed", byClosed.closed());
            case CaseFilter.ByStatus byStatus -> COUNT_BY_STATUS.bind("status", byStatus.status());
        };
        return salesforce.count(template.bind("account", account).text());
    }

    @Override
    public Optional<SupportCase> find(SalesforceId account, SalesforceId caseId) {
        String soql = ONE.bind("account", account).bind("id", caseId).text();
        return salesforce.query(soql, CaseRow.class).stream().findFirst().map(row -> supportCase(row, "query"));
    }

    @Override
    public List<CaseComment> publicComments(SalesforceId caseId) {
        return salesforce.query(PUBLIC_COMMENTS.bind("case", caseId).text(), CommentRow.class).stream()
                .map(row -> new CaseComment(row.id(), row.commentBody(), SalesforceDates.instant(row.createdDate(), "query")))
                .toList();
    }

    private static SupportCase supportCase(CaseRow row, String operation) {
        SalesforceId id = SalesforceId.parse(row.id(), "500").orElseThrow(() ->
                new ExternalResponseException(SalesforceClient.SYSTEM, operation, 200, "a Case without a Case id", null));
        return new SupportCase(id, row.caseNumber(), row.subject(), row.description(), row.status(), !Boolean.TRUE.equals(row.isClosed()),
                row.origin(), row.type(), row.priority(), SalesforceDates.instant(row.createdDate(), operation),
                SalesforceDates.instant(row.lastModifiedDate(), operation), SalesforceDates.instant(row.closedDate(), operation));
    }
}
