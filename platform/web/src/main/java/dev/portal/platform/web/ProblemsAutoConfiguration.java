package dev.portal.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The problem factory shared by the servlet and the reactive halves. */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(PortalWebProperties.class)
public class ProblemsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems problems(PortalWebProperties properties) {
        return new Problems(properties.problemBaseUri());
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorProblems errorProblems(Problems problems) {
        return new ErrorProblems(problems);
    }
}
