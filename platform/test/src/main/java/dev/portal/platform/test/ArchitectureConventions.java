package dev.portal.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The inside every service of the suite shares (STYLE.md "Inside"), checked on its compiled classes with
 * {@link ServiceArchitecture}'s rules. Switching it on is one line in the service's root test package:
 * <pre>{@code class OrderServiceArchitectureTest extends ArchitectureConventions {}}</pre>
 * The sibling of {@link ServiceConventions} (the outside, over HTTP); this one needs no Spring context, so it runs as a
 * fast unit test.
 */
public abstract class ArchitectureConventions {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The service's base package: the package of the test class, which sits beside the application class. */
    protected String basePackage() {
        return getClass().getPackageName();
    }

    /** The classes the rules look at: the service's main classes (tests and fixtures left out). */
    protected JavaClasses classes() {
        return IMPORTED.computeIfAbsent(basePackage(), ServiceArchitecture::mainClasses);
    }

    @Test
    protected void features_do_not_depend_on_one_another_in_cycles() {
        ServiceArchitecture.noCyclesBetweenFeatures(basePackage()).check(classes());
    }

    @Test
    protected void sql_runs_only_in_repositories_and_queries() {
        ServiceArchitecture.sqlOnlyInRepositories(basePackage()).check(classes());
    }

    @Test
    protected void controllers_never_take_or_return_jpa_entities() {
        ServiceArchitecture.controllersNeverExposeEntities().check(classes());
    }

    @Test
    protected void time_comes_only_from_the_injected_clock() {
        ServiceArchitecture.timeOnlyFromTheInjectedClock(basePackage()).check(classes());
    }

    @Test
    protected void http_statuses_are_chosen_only_at_the_edge() {
        ServiceArchitecture.httpStatusesOnlyAtTheEdge(basePackage()).check(classes());
    }

    @Test
    protected void topics_are_consumed_only_through_spring_cloud_stream() {
        ServiceArchitecture.consumersOnlyThroughSpringCloudStream().check(classes());
        ServiceArchitecture.noHandMadeConsumers().check(classes());
    }
}
