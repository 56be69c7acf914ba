package dev.portal.wishlist.subscriptions;

import dev.portal.clients.stripe.StripeBilling;
import dev.portal.clients.stripe.StripeSubscription;
import dev.portal.clients.support.ExternalSystemException;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.config.WishlistProperties;
import dev.portal.wishlist.subscriptions.SubscriptionRequired.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final Subscriptions subscriptions;
    private final StripeBilling stripe;
    private final WishlistProperties properties;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    SubscriptionService(Subscriptions subscriptions, StripeBilling stripe, WishlistProperties properties,
                        TransactionTemplate transactions, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
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
        SubscriptionRow row = subscriptionId.flatMap(subscriptions::find).orElseThrow(() -> new SubscriptionRequired(
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
        Optional<SubscriptionRow> before = subscriptions.findByStripeId(s.id());
        SubscriptionStatus status = SubscriptionStatus.of(s.status());
        Instant pastDueSince = status == SubscriptionStatus.PAST_DUE
                ? before.filter(b -> b.status() == SubscriptionStatus.PAST_DUE).map(SubscriptionRow::pastDueSince).orElse(now) : null;
        int quota = Math.max(0, s.quota(stripe.quotaMetadataKey()).orElse(0));
        SubscriptionRow after = subscriptions.save(s, status, quota, pastDueSince, eventCreated, now);
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
}
