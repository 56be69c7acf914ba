package dev.portal.cases.customer;

import dev.portal.cases.config.CaseProperties;
import dev.portal.clients.salesforce.SalesforceId;
import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.security.PortalUser;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The caller's cases: listed, shown and opened, always on the Account in the caller's token. Input is checked
 * here before anything reaches Salesforce: the status filter against the allow-list, the page against the bounds,
 * a case id against Salesforce's id rules (a malformed one is simply not found).
 */
@Service
public class CaseManagement {

    /** Salesforce's OFFSET skips at most this many records. */
    static final int MAX_OFFSET = 2000;

    private static final Logger log = LoggerFactory.getLogger(CaseManagement.class);

    private final Cases cases;
    private final CaseProperties properties;
    private final Clock clock;

    CaseManagement(Cases cases, CaseProperties properties, Clock clock) {
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    /** A case with the comments its customer may read. */
    public record CaseDetails(SupportCase supportCase, List<CaseComment> comments) {
    }

    /** A page of cases and how many match in all. */
    public record CasePage(List<SupportCase> cases, int page, int size, int total) {
    }

    /**
     * Page {@code page} (from 1) of the caller's cases matching {@code status}, newest first.
     *
     * @param size null for the default size
     * @throws InvalidCaseStatus when {@code status} is not open, closed or an allowed status
     * @throws InvalidPage       when the page is out of bounds
     */
    public CasePage list(PortalUser caller, String status, int page, Integer size) {
        LinkedAccount account = LinkedAccount.of(caller);
        CaseFilter filter = CaseFilter.of(status, properties.statuses());
        int pageSize = size == null ? properties.defaultPageSize() : size;
        long offset = (long) (page - 1) * pageSize;
        if (page < 1 || pageSize < 1 || pageSize > properties.maxPageSize() || offset > MAX_OFFSET) {
            throw new InvalidPage(properties.maxPageSize(), MAX_OFFSET);
        }
        List<SupportCase> found = cases.page(account.accountId(), filter, (int) offset, pageSize);
        // a short page is the last one: its count is known without asking Salesforce again
        int total = !found.isEmpty() && found.size() < pageSize ? (int) offset + found.size()
                : found.isEmpty() && offset == 0 ? 0 : cases.count(account.accountId(), filter);
        return new CasePage(found, page, pageSize, total);
    }

    /** @throws CaseNotFound unless {@code caseId} is a case of the caller's Account */
    public CaseDetails show(PortalUser caller, String caseId) {
        LinkedAccount account = LinkedAccount.of(caller);
        SalesforceId id = SalesforceId.parse(caseId, "500").orElseThrow(CaseNotFound::new);
        SupportCase found = cases.find(account.accountId(), id).orElseThrow(CaseNotFound::new);
        return new CaseDetails(found, cases.publicComments(id));
    }

    /**
     * Opens a case on the caller's Account with the customer's subject, description and category (already validated).
     * The case is created once; if reading it back fails, the answer is built from what was sent (the case exists, and
     * a failure now would make the customer open it twice).
     */
    public CaseDetails open(PortalUser caller, String subject, String description, String category) {
        LinkedAccount account = LinkedAccount.of(caller);
        SalesforceId id = cases.open(new NewCase(account.accountId(), subject, description, category));
        log.info("case {} opened on account {} by user {}", id, account.accountId(), account.userId());
        try {
            return cases.find(account.accountId(), id).map(c -> new CaseDetails(c, List.of())).orElseGet(() -> asSent(id, subject, description, category));
        } catch (UpstreamFailure readBackFailed) {
            log.warn("case {} was opened but could not be read back ({}); answering with what was sent", id, readBackFailed.kind());
            return asSent(id, subject, description, category);
        }
    }

    private CaseDetails asSent(SalesforceId id, String subject, String description, String category) {
        var now = clock.instant();
        return new CaseDetails(new SupportCase(id, null, subject, description, NewCase.STATUS, true, NewCase.ORIGIN, category, null, now, now, null),
                List.of());
    }
}
