package dev.portal.gateway;

import dev.portal.platform.test.ServiceConventions;
import org.springframework.boot.test.context.SpringBootTest;

/** The gateway shows the suite's common face (probes, info, metrics, problems) like every service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayConventionsIT extends ServiceConventions {
}
