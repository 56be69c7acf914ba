package dev.portal.cases;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;

/** case-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@CaseServiceContext
class CaseServiceConventionsIT extends ServiceConventions implements OpenApiConventions {
}
