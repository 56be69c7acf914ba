package dev.portal.platform.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Periodically forgets old inbox rows. Any replica may run it: deleting the same old rows twice is harmless. */
class InboxPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final Inbox inbox;
    private final InboxProperties properties;
    private ScheduledExecutorService scheduler;

    InboxPurge(Inbox inbox, InboxProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("inbox-purge").factory());
        long period = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            int purged = inbox.purge(properties.retention());
            if (purged > 0) {
                log.info("forgot {} inbox row(s) older than {}", purged, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("inbox purge failed; it will run again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
