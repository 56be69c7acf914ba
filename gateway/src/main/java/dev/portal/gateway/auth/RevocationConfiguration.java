package dev.portal.gateway.auth;

import dev.portal.gateway.config.GatewayProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.gateway.revocation.enabled", matchIfMissing = true)
class RevocationConfiguration {

    @Bean
    RevocationListener revocationListener(GatewayProperties properties, SessionVersions versions) {
        return new RevocationListener(properties.revocation(), versions, Clock.systemUTC());
    }
}
