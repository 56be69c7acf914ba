package dev.portal.notification;

import dev.portal.platform.test.OpenApiConventions;
import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** notification-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems, OpenAPI). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(kafka = true, postgres = false)
class NotificationServiceConventionsIT extends ServiceConventions implements OpenApiConventions {
}
