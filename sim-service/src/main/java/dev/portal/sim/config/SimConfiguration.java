package dev.portal.sim.config;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it. */
@Configuration(proxyBeanMethods = false)
class SimConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimConfiguration.class);

    @Bean
    Clock clock(SimProperties properties) {
        Clock system = Clock.system(properties.timeZone());
        if (properties.clock().followUrl() == null) {
            return system;
        }
        log.warn("sim-service's clock follows {}: for the local sandbox only", properties.clock().followUrl());
        return new FollowingClock(system, properties.clock().followUrl(), properties.clock().maxAge());
    }

    /** Operation ids (random UUIDs), injected so that tests may choose them. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
