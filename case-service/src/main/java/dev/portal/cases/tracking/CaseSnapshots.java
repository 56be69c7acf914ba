package dev.portal.cases.tracking;

import dev.portal.clients.salesforce.SalesforceId;
import java.util.Optional;

/** Reads a case as Salesforce holds it now; implemented by the Salesforce adapter. */
public interface CaseSnapshots {

    /** The case, or empty when Salesforce no longer has it. */
    Optional<CaseSnapshot> current(SalesforceId caseId);
}
