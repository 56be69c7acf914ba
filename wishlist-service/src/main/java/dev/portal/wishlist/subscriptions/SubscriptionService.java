package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeBilling;
import dev.portal.clients.stripe.StripeSubscription;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.config.WishlistProperties;
import dev.portal.wishlist.subscriptions.SubscriptionRequired.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a group's Stripe subscription allows wishlists, and its quota.
 * Reads the local copy; asks Stripe (with the client's timeouts) only when that copy is older than
 * {@code subscription-freshness}. When Stripe cannot be reached and the copy is stale the answer is an explicit
 * {@code 503 subscription-unverifiable}: serving a plan that may have been cancelled meanwhile is not an option.
 */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    static final String SYNCED = "subscription.synced";

    private final JdbcClient jdbc;
    private final StripeBilling stripe;
    private final WishlistProperties properties;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    SubscriptionService(JdbcClient jdbc, StripeBilling stripe, WishlistProperties properties,
                        TransactionTemplate transactions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.properties = properties;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks the subscription bound to a group: 402 when there is none or it is expired, cancelled, unpaid or past
     * due beyond the grace; 503 when it must be re-read and Stripe does not answer.
     */
    public UsableSubscription requireUsable(Optional<Long> subscriptionId) {
        SubscriptionRow row = subscriptionId.flatMap(this::find).orElseThrow(() -> new SubscriptionRequired(
                Reason.MISSING, "The group has no subscription. Bind a Stripe subscription to the group first."));
        Instant now = clock.instant();
        boolean periodOver = row.currentPeriodEnd() != null && row.currentPeriodEnd().isBefore(now);
        if (row.refreshedAt().isBefore(now.minus(properties.subscriptionFreshness())) || periodOver) {
            // a period that looks over may simply have renewed since the last read
            row = refresh(row.stripeSubscriptionId()).orElseThrow(() -> new SubscriptionRequired(Reason.MISSING,
                    "The group's subscription no longer exists at Stripe."));
        }
        return new UsableSubscription(row.id(), check(row, now));
    }

    private int check(SubscriptionRow row, Instant now) {
        switch (row.status()) {
            case ACTIVE, TRIALING -> {
                if (row.currentPeriodEnd() != null && row.currentPeriodEnd().isBefore(now)) {
                    throw new SubscriptionRequired(Reason.EXPIRED, "The subscription's billing period has ended.");
                }
            }
            case PAST_DUE -> {
                Instant since = row.pastDueSince() == null ? now : row.pastDueSince();
                if (!since.plus(properties.pastDueGrace()).isAfter(now)) {
                    throw new SubscriptionRequired(Reason.PAST_DUE,
                            "The subscription's payment is overdue beyond the grace period.");
                }
            }
            case CANCELED -> throw new SubscriptionRequired(Reason.CANCELLED, "The subscription has been cancelled.");
            case UNPAID -> throw new SubscriptionRequired(Reason.UNPAID, "The subscription is unpaid.");
            case INCOMPLETE_EXPIRED -> throw new SubscriptionRequired(Reason.EXPIRED, "The subscription has expired.");
            case INCOMPLETE, PAUSED, UNKNOWN -> throw new SubscriptionRequired(Reason.INACTIVE,
                    "The subscription is not active (" + row.status().wire() + ").");
        }
        return row.wishlistQuota();
    }

    /**
     * Reads the subscription from Stripe and stores it (for binding a group): empty when Stripe has no such
     * subscription.
     */
    public Optional<Long> fetchAndStore(String stripeSubscriptionId) {
        return refresh(stripeSubscriptionId).map(SubscriptionRow::id);
    }

    Optional<SubscriptionRow> refresh(String stripeSubscriptionId) {
        Optional<StripeSubscription> read = read(stripeSubscriptionId);
        return transactions.execute(tx -> read.map(s -> store(s, null)));
    }

    /** Stripe's answer, empty when it has no such subscription; 503 when it cannot answer. */
    Optional<StripeSubscription> read(String stripeSubscriptionId) {
        try {
            return stripe.subscription(stripeSubscriptionId);
        } catch (ExternalSystemException e) {
            log.warn("Stripe could not confirm subscription {}: {}", stripeSubscriptionId, e.getClass().getSimpleName());
            throw new SubscriptionUnverifiable();
        }
    }

    /**
     * Upserts Stripe's state (inside the caller's transaction) and audits the change. {@code eventCreated} is the
     * `created` of the webhook event that caused the read, kept so that older events are recognised later.
     */
    SubscriptionRow store(StripeSubscription s, Instant eventCreated) {
        Instant now = clock.instant();
        Optional<SubscriptionRow> before = findByStripeId(s.id());
        SubscriptionStatus status = SubscriptionStatus.of(s.status());
        Instant pastDueSince = status == SubscriptionStatus.PAST_DUE
                ? before.filter(b -> b.status() == SubscriptionStatus.PAST_DUE).map(SubscriptionRow::pastDueSince).orElse(now) : null;
        StripeSubscription.Item item = s.items().isEmpty() ? null : s.items().getFirst();
        int quota = Math.max(0, s.quota(stripe.quotaMetadataKey()).orElse(0));
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
        SubscriptionRow after = findByStripeId(s.id()).orElseThrow();
        jdbc.sql("insert into subscription_usage (subscription_id) values (?) on conflict do nothing").param(after.id()).update();
        if (before.isEmpty() || changed(before.get(), after)) {
            audit.record(null, SYNCED, "subscription", s.id(), before.map(SubscriptionService::auditView).orElse(null),
                    auditView(after));
            log.info("subscription {} stored: status {}, quota {}", s.id(), status.wire(), quota);
        }
        return after;
    }

    private static boolean changed(SubscriptionRow a, SubscriptionRow b) {
        return !auditView(a).equals(auditView(b));
    }

    private static Map<String, Object> auditView(SubscriptionRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", row.status().wire());
        view.put("current_period_end", String.valueOf(row.currentPeriodEnd()));
        view.put("price_id", String.valueOf(row.priceId()));
        view.put("wishlist_quota", row.wishlistQuota());
        return view;
    }

    Optional<SubscriptionRow> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(SubscriptionService::row).optional();
    }

    Optional<SubscriptionRow> findByStripeId(String stripeId) {
        return jdbc.sql(SELECT + " where stripe_subscription_id = ?").param(stripeId).query(SubscriptionService::row).optional();
    }

    private static final String SELECT = """
            select id, stripe_subscription_id, status, current_period_end, price_id, product_id, wishlist_quota,
                   past_due_since, last_event_at, refreshed_at from subscriptions""";

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
