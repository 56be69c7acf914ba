package dev.portal.platform.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets old inbox rows. Any replica may run it: deleting the same old rows twice is harmless. */
class InboxPurge implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final Inbox inbox;
    private final InboxProperties properties;

    InboxPurge(Inbox inbox, InboxProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    @Override
    public void run() {
        int purged = inbox.purge(properties.retention());
        if (purged > 0) {
            log.info("forgot {} inbox row(s) older than {}", purged, properties.retention());
        }
    }
}
