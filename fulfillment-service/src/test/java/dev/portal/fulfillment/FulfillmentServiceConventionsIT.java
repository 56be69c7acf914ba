package dev.portal.fulfillment;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** fulfillment-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(kafka = true, postgres = true)
class FulfillmentServiceConventionsIT extends ServiceConventions implements OpenApiConventions {
}
