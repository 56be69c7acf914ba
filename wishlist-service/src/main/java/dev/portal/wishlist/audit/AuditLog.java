package dev.portal.wishlist.audit;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The append-only audit trail (a trigger refuses updates and deletes): written in the transaction of the change. */
@Repository
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param actorId local user id, or null for Stripe (webhooks)
     * @param before  the entity's state before, or null for a creation
     * @param after   the state after, or null for a removal
     */
    public void record(Long actorId, String action, String entityType, String entityId, Map<String, ?> before,
                       Map<String, ?> after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an audit entry must commit or roll back with its change");
        }
        jdbc.sql("insert into audit_log (actor_id, action, entity_type, entity_id, before, after)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))")
                .params(actorId, action, entityType, entityId,
                        before == null ? null : JSON.writeValueAsString(before),
                        after == null ? null : JSON.writeValueAsString(after))
                .update();
    }
}
