package dev.portal.wishlist.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's settings and the clock every rule reads time from (tests replace it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WishlistProperties.class)
class WishlistConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
