package dev.portal.identity.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's settings and the clock every feature, the outbox and the saga engine read time from. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({IdentityProperties.class, RateLimitProperties.class})
class IdentityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
