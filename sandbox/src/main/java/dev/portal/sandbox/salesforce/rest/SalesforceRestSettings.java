package dev.portal.sandbox.salesforce.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated org's REST API. Salesforce's daily request allocation depends on the edition and licences; here
 * it is a setting, as is the query batch size when a client does not ask for one.
 *
 * @param dailyApiLimit    requests per day before {@code 403 REQUEST_LIMIT_EXCEEDED} ({@code SANDBOX_SALESFORCE_REST_DAILY_API_LIMIT})
 * @param queryBatchSize   records per query page by default (Salesforce: 2000)
 * @param maxOpenCursors   query cursors kept for {@code nextRecordsUrl}; the oldest are dropped beyond this
 */
@Validated
@ConfigurationProperties("sandbox.salesforce.rest")
record SalesforceRestSettings(@Min(1) Integer dailyApiLimit, @Min(200) @Max(2000) Integer queryBatchSize, @Min(1) Integer maxOpenCursors) {

    SalesforceRestSettings {
        dailyApiLimit = dailyApiLimit != null ? dailyApiLimit : 15_000;
        queryBatchSize = queryBatchSize != null ? queryBatchSize : 2000;
        maxOpenCursors = maxOpenCursors != null ? maxOpenCursors : 100;
    }
}
