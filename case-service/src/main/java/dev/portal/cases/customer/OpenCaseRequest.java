package dev.portal.cases.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a customer writes to open a case. Salesforce bounds Subject at 255 characters and Description at 32,000
 * (a long text area); the Account, Origin and Status are never the customer's to choose (any such field is ignored).
 */
record OpenCaseRequest(
        @Schema(example = "No signal since Monday") @NotBlank @Size(max = SUBJECT_MAX) String subject,
        @Schema(example = "The router shows a red light.") @NotBlank @Size(max = DESCRIPTION_MAX) String description,
        @Schema(example = "Internet", nullable = true) @KnownCategory String category) {

    static final int SUBJECT_MAX = 255;
    static final int DESCRIPTION_MAX = 32_000;
}
