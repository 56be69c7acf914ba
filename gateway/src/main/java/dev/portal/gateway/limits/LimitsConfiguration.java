package dev.portal.gateway.limits;

import dev.portal.gateway.config.GatewayProperties;
import dev.portal.gateway.edge.EdgeProblems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.gateway.limits.enabled", matchIfMissing = true)
class LimitsConfiguration {

    @Bean
    ClientLimit clientLimit(GatewayProperties properties, EdgeProblems problems) {
        return new ClientLimit(properties.limits(), problems);
    }

    @Bean
    UserLimit userLimit(GatewayProperties properties, EdgeProblems problems) {
        return new UserLimit(properties.limits(), problems);
    }
}
