package dev.portal.wishlist.subscriptions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Stripe webhook events already applied, kept in the service's {@code inbox} under one consumer name. */
@Repository
class StripeEvents {

    static final String CONSUMER = "wishlist.stripe-webhooks";

    private final JdbcClient jdbc;

    StripeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(String eventId) {
        return jdbc.sql("select exists (select 1 from inbox where consumer = ? and event_id = ?)")
                .params(CONSUMER, eventId).query(Boolean.class).single();
    }

    /** Records the event in the transaction of its effect; false when a concurrent delivery recorded it first. */
    boolean recordOnce(String eventId, String eventType) {
        return jdbc.sql("insert into inbox (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing")
                .params(CONSUMER, eventId, eventType).update() == 1;
    }
}
