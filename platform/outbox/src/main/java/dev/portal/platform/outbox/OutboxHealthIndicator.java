package dev.portal.platform.outbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code outbox} in readiness. Up once the replication slot exists: from then on every committed event is
 * kept in the WAL until a relay (this replica or another) has put it on Kafka, so writes are safe. Details show
 * this replica's role, whether a relay is reading the slot, and how far behind it is.
 */
class OutboxHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final String slotName;

    OutboxHealthIndicator(JdbcClient jdbc, OutboxRelay relay, String slotName) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.slotName = slotName;
    }

    @Override
    public Health health() {
        List<Map<String, Object>> slots = jdbc.sql("select active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) as lag"
                        + " from pg_replication_slots where slot_name = ?")
                .param(slotName).query().listOfRows();
        Health.Builder builder = slots.isEmpty() ? Health.down().withDetail("reason", "replication slot not created yet")
                : Health.up().withDetail("slotActive", slots.getFirst().get("active"))
                        .withDetail("lagBytes", slots.getFirst().get("lag"));
        builder.withDetail("slot", slotName);
        if (relay != null) {
            builder.withDetail("relay", relay.state().name().toLowerCase(java.util.Locale.ROOT));
            if (relay.lastError() != null) {
                builder.withDetail("lastError", relay.lastError());
            }
        } else {
            builder.withDetail("relay", "disabled on this instance");
        }
        return builder.build();
    }
}
