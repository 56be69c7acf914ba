package dev.portal.platform.web.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.portal.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** platform-web's own {@code ProblemException} is an HTTP choice: thrown outside the edge, the edge rule names it. */
class ProblemExceptionOutsideTheEdgeTest {

    static final String FIXTURE = "dev.portal.platform.web.architecture.fixture";

    @Test
    void a_problem_exception_thrown_by_an_application_service_fails_the_edge_rule_and_a_controller_may_throw_it() {
        assertThatThrownBy(() -> ServiceArchitecture.httpStatusesOnlyAtTheEdge(FIXTURE)
                .check(new ClassFileImporter().importPackages(FIXTURE)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("QuotaCheck.check(int, int)").hasMessageContaining("ProblemException")
                .hasMessageNotContaining("OrdersController");
    }
}
