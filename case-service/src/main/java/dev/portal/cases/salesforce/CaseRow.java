package dev.portal.cases.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Case as SOQL and sObject reads return it (Salesforce's field names, dates as Salesforce writes them). */
record CaseRow(@JsonProperty("Id") String id, @JsonProperty("AccountId") String accountId,
               @JsonProperty("CaseNumber") String caseNumber, @JsonProperty("Subject") String subject,
               @JsonProperty("Description") String description, @JsonProperty("Status") String status,
               @JsonProperty("IsClosed") Boolean isClosed, @JsonProperty("Origin") String origin, @JsonProperty("Type") String type,
               @JsonProperty("Priority") String priority, @JsonProperty("CreatedDate") String createdDate,
               @JsonProperty("LastModifiedDate") String lastModifiedDate, @JsonProperty("ClosedDate") String closedDate) {

    /** The fields a list shows (no Description: long text is read for one case only). */
    static final String SUMMARY_FIELDS = "Id, CaseNumber, Subject, Status, IsClosed, Origin, Type, Priority, CreatedDate, LastModifiedDate, ClosedDate";
    static final String DETAIL_FIELDS = SUMMARY_FIELDS + ", Description";
}
