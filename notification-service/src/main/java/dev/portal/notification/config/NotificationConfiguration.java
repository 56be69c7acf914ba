package dev.portal.notification.config;

import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/** Wiring that is not a feature of its own. The one place the system clock is read; everything else injects it. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Clock clock(NotificationProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * No HTTP server observation (span, timer) for an event stream: it would stay open, in memory, as long as the
     * stream, for hours and for every stream; the streams have their own metrics (portal.notification.streams.*).
     */
    @Bean
    ObservationPredicate noObservationOfEventStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().value().equals("/api/events"));
    }

    /** Spreads the reconnections of a stopping instance's clients. */
    @Bean
    RandomGenerator random() {
        return new SplittableRandom();
    }
}
