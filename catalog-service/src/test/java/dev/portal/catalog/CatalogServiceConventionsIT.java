package dev.portal.catalog;

import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * catalog-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems).
 * Same settings as {@code CatalogApiIT}, so both share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.catalog.sim-check-ttl=100ms", "portal.clients.whmcs.http.breaker-failure-rate=100"})
@WithInfrastructure(kafka = true, postgres = false)
class CatalogServiceConventionsIT extends ServiceConventions {

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        CatalogFixture.settings().forEach((key, value) -> registry.add(key, () -> value));
    }
}
