package dev.portal.cases.customer;

import dev.portal.clients.salesforce.SalesforceId;
import java.util.List;
import java.util.Optional;

/**
 * The cases Salesforce holds, always within one Account: every read names the Account, so a case of another one
 * cannot be read through this interface at all. Implemented by the Salesforce adapter.
 */
public interface Cases {

    /** Creates the case in Salesforce (Origin "Portal Website", Status "New"); returns its id. Sent once. */
    SalesforceId open(NewCase newCase);

    /** {@code size} of the Account's cases matching {@code filter}, newest first, after skipping {@code offset}. */
    List<SupportCase> page(SalesforceId account, CaseFilter filter, int offset, int size);

    /** How many of the Account's cases match {@code filter}. */
    int count(SalesforceId account, CaseFilter filter);

    /** The case with its description, if it exists and belongs to {@code account}. */
    Optional<SupportCase> find(SalesforceId account, SalesforceId caseId);

    /** The case's published comments, oldest first (internal notes never). */
    List<CaseComment> publicComments(SalesforceId caseId);
}
