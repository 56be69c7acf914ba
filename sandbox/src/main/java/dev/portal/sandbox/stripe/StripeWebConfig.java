package dev.portal.sandbox.stripe;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe's SDKs put bracket notation unencoded into query strings ({@code expand[0]=…}, {@code lookup_keys[0]=…});
 * Tomcat refuses {@code [} and {@code ]} in a query unless told to accept them.
 */
@Configuration(proxyBeanMethods = false)
class StripeWebConfig {

    @Bean
    TomcatConnectorCustomizer stripeBracketQueries() {
        return connector -> connector.setProperty("relaxedQueryChars", "[]");
    }
}
