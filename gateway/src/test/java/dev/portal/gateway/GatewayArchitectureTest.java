package dev.portal.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.portal.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The rules of a service's inside that apply to the gateway. The one left out is "HTTP statuses only at the edge":
 * the gateway is the edge, every feature of it answers HTTP (problems, limits, token rejections, upstream failures).
 */
class GatewayArchitectureTest {

    static final String BASE = GatewayArchitectureTest.class.getPackageName();
    static final JavaClasses CLASSES = ServiceArchitecture.mainClasses(BASE);

    @Test
    void features_do_not_depend_on_one_another_in_cycles() {
        ServiceArchitecture.noCyclesBetweenFeatures(BASE).check(CLASSES);
    }

    @Test
    void time_comes_only_from_the_injected_clock() {
        ServiceArchitecture.timeOnlyFromTheInjectedClock(BASE).check(CLASSES);
    }

    @Test
    void topics_are_consumed_only_through_spring_cloud_stream() {
        ServiceArchitecture.consumersOnlyThroughSpringCloudStream().check(CLASSES);
        ServiceArchitecture.noHandMadeConsumers().check(CLASSES);
    }
}
