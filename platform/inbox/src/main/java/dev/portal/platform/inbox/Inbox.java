package dev.portal.platform.inbox;

import dev.portal.platform.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects on at-least-once delivery: the consumer's effect runs in one transaction with the
 * insert of {@code (consumer, event id)}. A second delivery of the same event finds the row and does nothing;
 * a failed effect rolls the row back with it, so the retry applies it for real.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Applies {@code effect} unless {@code consumer} already applied this event.
     *
     * @param consumer a stable name of the consuming feature (not the instance): e.g. {@code catalog.price-cache}
     * @return true when the effect ran, false for a duplicate
     */
    public boolean receive(String consumer, EventEnvelope event, Runnable effect) {
        return receive(consumer, event, () -> {
            effect.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** As {@link #receive(String, EventEnvelope, Runnable)}, returning the effect's result; empty for a duplicate. */
    public <T> Optional<T> receive(String consumer, EventEnvelope event, Supplier<T> effect) {
        Optional<T> result = transactions.execute(tx -> {
            int inserted = jdbc.sql("insert into inbox (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing")
                    .params(consumer, event.id(), event.type())
                    .update();
            return inserted == 1 ? Optional.ofNullable(effect.get()) : Optional.<T>empty();
        });
        boolean applied = result != null && result.isPresent();
        meters.counter("portal.inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate").increment();
        if (!applied) {
            log.debug("{} skipped duplicate event {} ({})", consumer, event.id(), event.type());
        }
        return result == null ? Optional.empty() : result;
    }

    /** Forgets events applied before the retention; returns how many were forgotten. */
    int purge(java.time.Duration retention) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from inbox where ctid in (select ctid from inbox where received_at < now() - cast(? as interval) limit 5000)")
                    .param(retention.toSeconds() + " seconds")
                    .update();
            total += deleted;
        } while (deleted == 5000);
        return total;
    }
}
