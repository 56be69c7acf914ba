package dev.portal.wishlist.wishlists;

import dev.portal.wishlist.subscriptions.UsableSubscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The wishlists a subscription pays for, counted in {@code subscription_usage} (every status but cancelled). Both
 * operations lock the subscription's counter row until the transaction ends, so concurrent creates of one
 * subscription queue on it and the quota holds exactly.
 */
@Repository
class Quota {

    private final JdbcClient jdbc;

    Quota(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one unit of the subscription's quota for a created or reactivated wishlist. */
    void reserve(UsableSubscription subscription) {
        int used = lock(subscription.id());
        if (used >= subscription.quota()) {
            throw new QuotaExceeded(subscription.quota(), used);
        }
        add(subscription.id(), 1);
    }

    /** Gives back the unit a cancelled wishlist held. */
    void release(long subscriptionId) {
        lock(subscriptionId);
        add(subscriptionId, -1);
    }

    private int lock(long subscriptionId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the quota is counted inside the transaction of the wishlist's change");
        }
        jdbc.sql("insert into subscription_usage (subscription_id) values (?) on conflict do nothing").param(subscriptionId).update();
        return jdbc.sql("select wishlists_used from subscription_usage where subscription_id = ? for update")
                .param(subscriptionId).query(Integer.class).single();
    }

    private void add(long subscriptionId, int delta) {
        jdbc.sql("update subscription_usage set wishlists_used = wishlists_used + ?, updated_at = now() where subscription_id = ?")
                .params(delta, subscriptionId).update();
    }
}
