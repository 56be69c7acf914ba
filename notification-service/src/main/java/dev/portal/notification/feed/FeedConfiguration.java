package dev.portal.notification.feed;

import dev.portal.notification.config.NotificationProperties;
import dev.portal.platform.events.EventCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.messaging.Message;

/**
 * The feed: the notifications topic read whole by every instance (binding {@code notifications-in-0}, group
 * {@code notification-service-${portal.instance-id}}) into {@link RecentNotifications}.
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    static final String BINDING = "notifications-in-0";

    @Bean
    RecentNotifications recentNotifications(NotificationProperties properties, Clock clock, MeterRegistry meters) {
        NotificationProperties.Log log = properties.log();
        RecentNotifications recent = new RecentNotifications(log.maxAge(), log.perUser(), log.total(), clock);
        Gauge.builder("portal.notification.log.kept", recent, RecentNotifications::kept)
                .description("notifications kept for resuming streams, all users").register(meters);
        Gauge.builder("portal.notification.log.users", recent, RecentNotifications::users)
                .description("users with kept notifications or an open stream").register(meters);
        return recent;
    }

    @Bean
    Consumer<Message<byte[]>> notifications(EventCodec codec, RecentNotifications recent, Clock clock, MeterRegistry meters) {
        return new IncomingNotifications(codec, recent, clock, meters);
    }

    @Bean
    KafkaBindingRebalanceListener feedRebuild(NotificationProperties properties, Clock clock, RecentNotifications recent) {
        return new FeedRebuild(BINDING, properties.log().maxAge(), clock, recent);
    }

    /**
     * A consumer that finds nothing more to read has read what was there at assignment (needed when the last record
     * is not a notification). The notifications binding is this service's only listener container.
     */
    @Bean
    ApplicationListener<ListenerContainerIdleEvent> feedIdle(RecentNotifications recent) {
        return idle -> {
            if (idle.getTopicPartitions() != null) {
                recent.idle(idle.getTopicPartitions().stream().map(TopicPartition::partition).toList());
            }
        };
    }

    @Bean
    FeedHealthIndicator notificationFeedHealthIndicator(RecentNotifications recent) {
        return new FeedHealthIndicator(recent);
    }
}
