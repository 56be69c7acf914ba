package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeSubscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local copies of Stripe subscriptions ({@code subscriptions}), rows mapped by column name. */
@Repository
class Subscriptions {

    private static final String SELECT = """
            select id, stripe_subscription_id, status, current_period_end, price_id, product_id, wishlist_quota,
                   past_due_since, last_event_at, refreshed_at from subscriptions""";

    /** What a Stripe event can name to find the subscriptions it is about. */
    enum Reference {
        SUBSCRIPTION("stripe_subscription_id"), PRICE("price_id"), PRODUCT("product_id");

        private final String column;

        Reference(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SubscriptionRow> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Subscriptions::row).optional();
    }

    Optional<SubscriptionRow> findByStripeId(String stripeId) {
        return jdbc.sql(SELECT + " where stripe_subscription_id = ?").param(stripeId).query(Subscriptions::row).optional();
    }

    /** The Stripe ids of the stored subscriptions that {@code reference} has {@code value}, oldest first. */
    List<String> stripeIdsBy(Reference reference, String value) {
        return jdbc.sql("select stripe_subscription_id from subscriptions where " + reference.column + " = ? order by id")
                .param(value).query(String.class).list();
    }

    /** The {@code created} of the newest webhook event applied to the subscription, if any. */
    Optional<Instant> lastEventAt(String stripeSubscriptionId) {
        return jdbc.sql("select last_event_at from subscriptions where stripe_subscription_id = ?")
                .param(stripeSubscriptionId).query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp("last_event_at"))))
                .optional().flatMap(last -> last);
    }

    /**
     * Inserts or overwrites Stripe's state, with a usage counter row for it; {@code last_event_at} only moves forward.
     *
     * @return the stored row
     */
    SubscriptionRow save(StripeSubscription s, SubscriptionStatus status, int quota, Instant pastDueSince,
                         Instant eventCreated, Instant now) {
        StripeSubscription.Item item = s.items().isEmpty() ? null : s.items().getFirst();
        jdbc.sql("""
                insert into subscriptions (stripe_subscription_id, stripe_customer_id, status, current_period_end,
                    price_id, product_id, plan, wishlist_quota, past_due_since, last_event_at, refreshed_at)
                values (:sid, :customer, :status, :periodEnd, :price, :product, :plan, :quota, :pastDue, :eventAt, :now)
                on conflict (stripe_subscription_id) do update set stripe_customer_id = excluded.stripe_customer_id,
                    status = excluded.status, current_period_end = excluded.current_period_end,
                    price_id = excluded.price_id, product_id = excluded.product_id, plan = excluded.plan,
                    wishlist_quota = excluded.wishlist_quota, past_due_since = excluded.past_due_since,
                    last_event_at = greatest(subscriptions.last_event_at, excluded.last_event_at),
                    refreshed_at = excluded.refreshed_at, updated_at = excluded.refreshed_at""")
                .param("sid", s.id()).param("customer", s.customerId()).param("status", status.wire())
                .param("periodEnd", ts(s.currentPeriodEnd().orElse(null)))
                .param("price", item == null ? null : item.priceId())
                .param("product", item == null ? null : item.productId())
                .param("plan", item == null ? null : item.lookupKey())
                .param("quota", quota).param("pastDue", ts(pastDueSince)).param("eventAt", ts(eventCreated))
                .param("now", ts(now)).update();
        SubscriptionRow stored = findByStripeId(s.id()).orElseThrow();
        jdbc.sql("insert into subscription_usage (subscription_id) values (?) on conflict do nothing").param(stored.id()).update();
        return stored;
    }

    private static SubscriptionRow row(ResultSet rs, int n) throws SQLException {
        return new SubscriptionRow(rs.getLong("id"), rs.getString("stripe_subscription_id"),
                SubscriptionStatus.ofWire(rs.getString("status")), instant(rs.getTimestamp("current_period_end")),
                rs.getString("price_id"), rs.getString("product_id"), rs.getInt("wishlist_quota"),
                instant(rs.getTimestamp("past_due_since")), instant(rs.getTimestamp("last_event_at")),
                instant(rs.getTimestamp("refreshed_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
