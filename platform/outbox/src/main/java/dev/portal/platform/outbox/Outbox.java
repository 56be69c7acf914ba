package dev.portal.platform.outbox;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.EventCodec;
import dev.portal.platform.events.Topic;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same transaction as the state change it describes. If the transaction rolls back,
 * the event never existed; if it commits, the relay will put it on Kafka at least once.
 */
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String table;
    private final URI source;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final TraceContext traceContext;

    public Outbox(JdbcClient jdbc, EventCodec codec, String schema, URI source, Clock clock, Supplier<UUID> ids,
                  TraceContext traceContext) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.table = schema + ".outbox";
        this.source = source;
        this.clock = clock;
        this.ids = ids;
        this.traceContext = traceContext;
    }

    /**
     * Writes the event for {@code topic}, keyed by its aggregate id.
     *
     * @return the event id ({@code ce_id}), which consumers use to drop duplicates
     * @throws IllegalStateException outside a transaction: an event must commit or roll back with its change
     */
    public UUID publish(Topic topic, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the state change");
        }
        UUID id = ids.get();
        Map<String, String> trace = traceContext.current();
        jdbc.sql("insert into " + table + " (id, topic, message_key, event_type, source, occurred_at, payload, trace_context)"
                        + " values (?, ?, ?, ?, ?, ?, cast(? as json), cast(? as jsonb))")
                .params(id, topic.name(), event.aggregateId(), codec.typeOf(event), source.toString(),
                        Timestamp.from(clock.instant()), new String(codec.serialize(event), java.nio.charset.StandardCharsets.UTF_8),
                        JSON.writeValueAsString(trace))
                .update();
        return id;
    }

    /** The W3C trace headers of the current span, so the consumer's span joins the producer's trace. */
    @FunctionalInterface
    public interface TraceContext {

        TraceContext NONE = Map::of;

        Map<String, String> current();
    }
}
