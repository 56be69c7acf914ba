package dev.portal.wishlist.wishlists;

import dev.portal.platform.security.PortalUser;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.groups.Groups;
import dev.portal.wishlist.groups.Role;
import dev.portal.wishlist.subscriptions.SubscriptionService;
import dev.portal.wishlist.subscriptions.UsableSubscription;
import dev.portal.wishlist.temp.TempWishlistStatus;
import dev.portal.wishlist.temp.TempWishlists;
import dev.portal.wishlist.temp.TempWishlists.TempWishlist;
import dev.portal.wishlist.users.Users;
import dev.portal.wishlist.web.FieldErrors;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wishlist use cases, in the order their checks must run: membership (403) before the input (400), the input
 * before the subscription (402/503, which may ask Stripe), and the quota (409) inside the transaction that makes the
 * change, together with the audit entry and, through {@link Wishlists#save}, the events.
 */
@Service
class WishlistManagement {

    private static final Logger log = LoggerFactory.getLogger(WishlistManagement.class);

    private final Wishlists wishlists;
    private final WishlistQueries queries;
    private final Quota quota;
    private final Slugs slugs;
    private final Users users;
    private final Groups groups;
    private final SubscriptionService subscriptions;
    private final TempWishlists temps;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final Clock clock;

    WishlistManagement(Wishlists wishlists, WishlistQueries queries, Quota quota, Slugs slugs, Users users,
                       Groups groups, SubscriptionService subscriptions, TempWishlists temps, AuditLog audit,
                       TransactionTemplate transactions, Validator validator, Clock clock) {
        this.wishlists = wishlists;
        this.queries = queries;
        this.quota = quota;
        this.slugs = slugs;
        this.users = users;
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.temps = temps;
        this.audit = audit;
        this.transactions = transactions;
        this.validator = validator;
        this.clock = clock;
    }

    /** The caller's local id; 403 when the caller is in no group, before anything else is looked at. */
    long requireSomeGroup(PortalUser caller) {
        long userId = users.idOf(caller);
        if (!groups.isInAnyGroup(userId)) {
            throw new NoGroupMembership();
        }
        return userId;
    }

    WishlistQueries.Page list(long userId, WishlistQueries.ListQuery query) {
        return queries.list(userId, query);
    }

    WishlistView show(PortalUser caller, String slug) {
        return queries.visible(slug, users.idOf(caller)).orElseThrow(WishlistNotFound::new);
    }

    /** A wishlist by hand, or converted from one of the caller's open temporary wishlists. */
    WishlistView create(PortalUser caller, WishlistRequests.Create body) {
        long userId = requireSomeGroup(caller);
        Optional<TempWishlist> temp = checkCreate(userId, body);
        long groupId = body.groupId();
        UsableSubscription subscription = subscriptions.requireUsable(groups.subscriptionOf(groupId));
        WishlistContent content = body.content(temp);
        Wishlist.Actor actor = new Wishlist.Actor(userId, caller.id(), false);
        long id = transactions.execute(tx -> {
            quota.reserve(subscription);
            temp.ifPresent(t -> lockOpen(t, userId));
            Instant now = clock.instant();
            Wishlist wishlist = Wishlist.create(wishlists.nextId(), groupId, subscription.id(), slugs.reserve(content.name()),
                    content, body.requestedStatus(), temp.map(TempWishlist::id).orElse(null), actor, now);
            // flushed now: closing the temporary wishlist references the new row
            wishlists.saveAndFlush(wishlist);
            temp.ifPresent(t -> temps.markConverted(t.id(), wishlist.getId(), now));
            audit.record(userId, temp.isPresent() ? "wishlist.converted" : "wishlist.created", WishlistAudit.ENTITY,
                    String.valueOf(wishlist.getId()), null, WishlistAudit.of(wishlist));
            return wishlist.getId();
        });
        log.info("wishlist {} created in group {}{}", id, groupId, temp.map(t -> " from temporary wishlist " + t.id()).orElse(""));
        return queries.detailed(id).orElseThrow();
    }

    /** Membership of the named group (403), then the input (400), then the temporary wishlist's state (409). */
    private Optional<TempWishlist> checkCreate(long userId, WishlistRequests.Create body) {
        FieldErrors errors = new FieldErrors();
        if (body.groupId() == null) {
            errors.add("group_id", "must not be null");
        } else if (body.groupId() > 0 && groups.roleOf(body.groupId(), userId).isEmpty()) {
            throw new GroupAccessDenied();
        }
        errors.validate(validator, body);
        body.checkRules(errors);
        Optional<TempWishlist> temp = Optional.empty();
        if (body.tempWishlistId() != null && body.tempWishlistId() > 0) {
            temp = temps.findOwned(body.tempWishlistId(), userId, false);
            if (temp.isEmpty()) {
                errors.add("temp_wishlist_id", "no such temporary wishlist of yours");
            }
        }
        errors.throwIfAny();
        if (temp.isPresent() && temp.get().status() != TempWishlistStatus.OPEN) {
            throw new TempWishlistAlreadyConverted();
        }
        return temp;
    }

    /** Locks the temporary wishlist against a concurrent conversion and checks it is still open. */
    private void lockOpen(TempWishlist temp, long userId) {
        if (temps.findOwned(temp.id(), userId, true).orElseThrow().status() != TempWishlistStatus.OPEN) {
            throw new TempWishlistAlreadyConverted();
        }
    }

    /**
     * Edits, cancels ({@code status} 3) or reactivates (3 to 0/1) a wishlist of one of the caller's groups. Which of
     * these a request is, is decided on the row as it is once locked inside the transaction, never on an earlier
     * read: a concurrent request may have cancelled or reactivated it meanwhile. A cancellation gives its quota back;
     * a reactivation needs the group's current subscription to be usable and to have quota left, like a create.
     */
    WishlistView update(PortalUser caller, String slug, WishlistRequests.Update body) {
        long userId = users.idOf(caller);
        Wishlist seen = wishlists.findBySlug(slug).orElseThrow(WishlistNotFound::new);
        Role role = groups.roleOf(seen.groupId(), userId).orElseThrow(WishlistNotFound::new);
        FieldErrors errors = new FieldErrors().validate(validator, body);
        body.checkRules(errors);
        errors.throwIfAny();
        Wishlist.Actor actor = new Wishlist.Actor(userId, caller.id(), role.manages());
        WishlistStatus requested = body.requestedStatusOr(null);
        if (requested != null && (requested == WishlistStatus.CANCELLED) != (seen.status() == WishlistStatus.CANCELLED)) {
            seen.checkStatusChangeBy(actor); // 403 before anything is asked of Stripe
        }
        // read before the transaction, so that a slow Stripe never holds the row lock: when the wishlist looked
        // cancelled; a reactivation that only the locked row reveals reads the subscription there
        Optional<UsableSubscription> subscription = requested != null && requested != WishlistStatus.CANCELLED
                && seen.status() == WishlistStatus.CANCELLED
                ? Optional.of(subscriptions.requireUsable(groups.subscriptionOf(seen.groupId()))) : Optional.empty();
        String change = transactions.execute(tx -> {
            Instant now = clock.instant();
            Wishlist wishlist = wishlists.lockById(seen.getId()).orElseThrow(WishlistNotFound::new);
            WishlistStatus target = requested == null ? wishlist.status() : requested;
            boolean cancelling = target == WishlistStatus.CANCELLED && wishlist.status() != WishlistStatus.CANCELLED;
            boolean reactivating = wishlist.status() == WishlistStatus.CANCELLED && target != WishlistStatus.CANCELLED;
            Map<String, Object> before = WishlistAudit.of(wishlist);
            if (reactivating) {
                UsableSubscription usable = subscription.orElseGet(() ->
                        subscriptions.requireUsable(groups.subscriptionOf(wishlist.groupId())));
                quota.reserve(usable);
                wishlist.reactivate(target, usable.id(), actor, now);
            }
            if (body.changesMoreThanStatus() || (!cancelling && !reactivating && target != wishlist.status())) {
                wishlist.edit(body.changes(), cancelling || reactivating ? null : target, actor, now);
            }
            if (cancelling) {
                wishlist.cancel(actor, now);
                quota.release(wishlist.subscriptionId());
            }
            wishlists.save(wishlist);
            Map<String, Object> after = WishlistAudit.of(wishlist);
            String action = cancelling ? "wishlist.cancelled" : reactivating ? "wishlist.reactivated" : "wishlist.updated";
            if (WishlistAudit.differ(before, after)) {
                audit.record(userId, action, WishlistAudit.ENTITY, String.valueOf(wishlist.getId()), before, after);
            }
            return cancelling ? ": cancelled" : reactivating ? ": reactivated" : "";
        });
        log.info("wishlist {} updated{}", seen.getId(), change);
        return queries.detailed(seen.getId()).orElseThrow();
    }
}
