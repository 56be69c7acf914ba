package dev.portal.wishlist;

import dev.portal.platform.test.ServiceConventions;
import dev.portal.platform.test.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** wishlist-service starts against real infrastructure and shows the suite's common face (probes, info, metrics, problems). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(kafka = true, postgres = true)
class WishlistServiceConventionsIT extends ServiceConventions {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        WishlistTestBase.testEnvironment(registry);
    }
}
