package dev.portal.fulfillment;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * fulfillment-service starts against real infrastructure and shows the suite's common face (probes, info, metrics,
 * problems, OpenAPI). Its approvals consumer and saga leader stay off: the feature ITs' context runs those, and two
 * contexts sharing the consumer group would share the approvals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.cloud.stream.bindings.orderApprovals-in-0.consumer.auto-startup=false", "portal.saga.leader-enabled=false"})
@WithInfrastructure(kafka = true, postgres = true)
class FulfillmentServiceConventionsIT extends ServiceConventions implements OpenApiConventions {

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        FulfillmentTestBase.sandboxClients(registry);
    }
}
