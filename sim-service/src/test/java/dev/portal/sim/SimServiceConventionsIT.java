package dev.portal.sim;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** sim-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(kafka = true, postgres = true)
class SimServiceConventionsIT extends ServiceConventions implements OpenApiConventions {

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SimTestBase.testEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }
}
