package dev.portal.notification.stream;

import dev.portal.notification.config.NotificationProperties;
import dev.portal.notification.feed.RecentNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSE streams of this instance. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    EventStreams eventStreams(RecentNotifications feed, NotificationProperties properties, Clock clock,
                              RandomGenerator random, MeterRegistry meters) {
        return new EventStreams(feed, properties, clock, random, meters);
    }
}
