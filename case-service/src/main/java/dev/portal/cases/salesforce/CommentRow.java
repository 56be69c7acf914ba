package dev.portal.cases.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A CaseComment as SOQL returns it. */
record CommentRow(@JsonProperty("Id") String id, @JsonProperty("CommentBody") String commentBody,
                  @JsonProperty("CreatedDate") String createdDate) {
}
