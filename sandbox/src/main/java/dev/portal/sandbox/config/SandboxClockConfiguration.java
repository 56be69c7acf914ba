package dev.portal.sandbox.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The simulators' clock. Freebit keeps its own advanceable clock on top of it ({@code FreebitTime}), so moving
 * Freebit's time moves no other simulator's.
 */
@Configuration(proxyBeanMethods = false)
class SandboxClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
