package dev.portal.order.checkout;

import dev.portal.order.config.OrderProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets checkouts older than {@code portal.order.idempotency-retention}, every {@code purge-interval}: their keys may
 * be used again. Every replica runs it; deleting the same old rows twice is harmless.
 */
@Component
class CheckoutPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPurge.class);

    private final Checkouts checkouts;
    private final OrderProperties properties;
    private final Clock clock;

    CheckoutPurge(Checkouts checkouts, OrderProperties properties, Clock clock) {
        this.checkouts = checkouts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, properties.purgeInterval());
    }

    int purge() {
        int purged = checkouts.purge(clock.instant().minus(properties.idempotencyRetention()));
        if (purged > 0) {
            log.info("forgot {} checkouts older than {}", purged, properties.idempotencyRetention());
        }
        return purged;
    }
}
