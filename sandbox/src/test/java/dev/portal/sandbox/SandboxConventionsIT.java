package dev.portal.sandbox;

import dev.portal.platform.test.ServiceConventions;
import org.springframework.boot.test.context.SpringBootTest;

/** sandbox starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxConventionsIT extends ServiceConventions {
}
