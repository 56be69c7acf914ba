package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeBilling;
import dev.portal.clients.stripe.StripeSubscription;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.platform.web.ProblemException;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.config.WishlistProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's SubscriptionService: whether a group's Stripe subscription allows wishlists, and its quota.
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
        SubscriptionRow row = subscriptionId.flatMap(this::find).orElseThrow(() -> paymentRequired(
                "subscription-missing", "The group has no subscription. Bind a Stripe subscription to the group first."));
        Instant now = clock.instant();
        boolean periodOver = row.currentPeriodEnd() != null && row.currentPeriodEnd().isBefore(now);
        if (row.refreshedAt().isBefore(now.minus(properties.subscriptionFreshness())) || periodOver) {
            // a period that looks over may simply have renewed since the last read
            row = refresh(row.stripeSubscriptionId()).orElseThrow(() -> paymentRequired("subscription-missing",
                    "The group's subscription no longer exists at Stripe."));
        }
        return new UsableSubscription(row.id(), check(row, now));
    }

    private int check(SubscriptionRow row, Instant now) {
        switch (row.status()) {
            case "active", "trialing" -> {
                if (row.currentPeriodEnd() != null && row.currentPeriodEnd().isBefore(now)) {
                    throw paymentRequired("subscription-expired", "The subscription's billing period has ended.");
                }
            }
            case "past_due" -> {
                Instant since = row.pastDueSince() == null ? now : row.pastDueSince();
                if (!since.plus(properties.pastDueGrace()).isAfter(now)) {
                    throw paymentRequired("subscription-past-due",
                            "The subscription's payment is overdue beyond the grace period.");
                }
            }
            case "canceled" -> throw paymentRequired("subscription-cancelled", "The subscription has been cancelled.");
            case "unpaid" -> throw paymentRequired("subscription-unpaid", "The subscription is unpaid.");
            case "incomplete_expired" -> throw paymentRequired("subscription-expired", "The subscription has expired.");
            default -> throw paymentRequired("subscription-inactive",
                    "The subscription is not active (" + row.status() + ").");
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

    /** The quota of a stored subscription (already validated in this request). */
    public int quotaOf(long subscriptionId) {
        return find(subscriptionId).map(SubscriptionRow::wishlistQuota).orElse(0);
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
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "subscription-unverifiable",
                    "Subscription cannot be verified",
                    "The subscription could not be verified with the billing provider. Try again later.");
        }
    }

    /**
     * Upserts Stripe's state (inside the caller's transaction) and audits the change. {@code eventCreated} is the
     * `created` of the webhook event that caused the read, kept so that older events are recognised later.
     */
    SubscriptionRow store(StripeSubscription s, Instant eventCreated) {
        Instant now = clock.instant();
        Optional<SubscriptionRow> before = findByStripeId(s.id());
        String status = s.status().name().toLowerCase();
        Instant pastDueSince = "past_due".equals(status)
                ? before.filter(b -> "past_due".equals(b.status())).map(SubscriptionRow::pastDueSince).orElse(now) : null;
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
                .param("sid", s.id()).param("customer", s.customerId()).param("status", status)
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
            log.info("subscription {} stored: status {}, quota {}", s.id(), status, quota);
        }
        return after;
    }

    private static boolean changed(SubscriptionRow a, SubscriptionRow b) {
        return !auditView(a).equals(auditView(b));
    }

    private static Map<String, Object> auditView(SubscriptionRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", row.status());
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

    private static SubscriptionRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SubscriptionRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static ProblemException paymentRequired(String code, String detail) {
        return new ProblemException(HttpStatus.PAYMENT_REQUIRED, code, "Subscription required", detail);
    }
}
