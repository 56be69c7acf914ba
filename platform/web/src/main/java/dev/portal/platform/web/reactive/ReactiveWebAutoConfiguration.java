package dev.portal.platform.web.reactive;

import dev.portal.platform.web.ErrorProblems;
import dev.portal.platform.web.Problems;
import dev.portal.platform.web.ProblemsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Problem+json and request ids for reactive applications (the gateway). */
@AutoConfiguration(after = ProblemsAutoConfiguration.class, before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ReactiveWebAutoConfiguration {

    @Bean
    @Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
    ProblemWebExceptionHandler problemWebExceptionHandler(Problems problems, ErrorProblems errors) {
        return new ProblemWebExceptionHandler(problems, errors);
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
