package dev.portal.billing;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;

/** billing-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@BillingTest
class BillingServiceConventionsIT extends ServiceConventions implements OpenApiConventions {
}
