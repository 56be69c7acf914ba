package dev.portal.cases;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;
import org.springframework.boot.test.context.SpringBootTest;

/** case-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceConventionsIT extends ServiceConventions implements OpenApiConventions {
}
