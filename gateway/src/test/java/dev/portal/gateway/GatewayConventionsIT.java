package dev.portal.gateway;

import dev.portal.platform.test.ServiceConventions;
import org.springframework.boot.test.context.SpringBootTest;

/** The gateway shows the suite's common face (probes, info, metrics, problems) like every service, Kafka or not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=127.0.0.1:1")
class GatewayConventionsIT extends ServiceConventions {
}
