package dev.portal.cases.salesforce;

import dev.portal.cases.tracking.CaseSnapshot;
import dev.portal.cases.tracking.CaseSnapshots;
import dev.portal.clients.salesforce.SalesforceClient;
import dev.portal.clients.salesforce.SalesforceId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link CaseSnapshots} by reading the Case record through REST ({@code GET sobjects/Case/{id}}, 404 = gone). */
@Component
class SalesforceCaseSnapshots implements CaseSnapshots {

    private final SalesforceClient salesforce;

    SalesforceCaseSnapshots(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public Optional<CaseSnapshot> current(SalesforceId caseId) {
        return salesforce.find("Case", caseId.value(), CaseRow.class, "Id", "AccountId", "CaseNumber", "Subject", "Status")
                .map(row -> new CaseSnapshot(SalesforceId.parse(row.accountId(), "001").orElse(null), row.caseNumber(), row.subject(),
                        row.status()));
    }
}
