package dev.portal.gateway;

import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway shows the suite's common face (probes, info, metrics, problems) like every service; ready once it has
 * read the revocations (the test broker; without Kafka it is not ready: {@link RevocationsUnreadableIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayConventionsIT extends ServiceConventions {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        GatewayTestBase.revocationTopic();
    }
}
