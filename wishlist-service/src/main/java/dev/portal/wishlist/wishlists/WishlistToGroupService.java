package dev.portal.wishlist.wishlists;

import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.security.PortalUser;
import dev.portal.platform.web.ProblemException;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.groups.Groups;
import dev.portal.wishlist.groups.Role;
import dev.portal.wishlist.subscriptions.SubscriptionService;
import dev.portal.wishlist.subscriptions.UsableSubscription;
import dev.portal.wishlist.temp.TempWishlists;
import dev.portal.wishlist.users.Users;
import dev.portal.wishlist.web.FieldErrors;
import dev.portal.wishlist.web.ProductInput;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's WishlistToGroupService: list, create (manual or converted), show, update/cancel/reactivate. Every
 * write happens in one transaction with its related data, summary, schedule, usage counter, audit entry and
 * outbox event; the quota is checked under a lock on the subscription's usage row, so it holds under concurrency.
 */
@Service
class WishlistToGroupService {

    private static final Logger log = LoggerFactory.getLogger(WishlistToGroupService.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Groups groups;
    private final SubscriptionService subscriptions;
    private final TempWishlists temps;
    private final AuditLog audit;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final Clock clock;

    WishlistToGroupService(JdbcClient jdbc, Users users, Groups groups, SubscriptionService subscriptions,
                           TempWishlists temps, AuditLog audit, Outbox outbox, TransactionTemplate transactions,
                           Validator validator, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.temps = temps;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.validator = validator;
        this.clock = clock;
    }

    // ---- case 1: list ----------------------------------------------------------------------------------------

    record ListQuery(int page, int perPage, List<Integer> statuses, Long groupId) {
    }

    record Page(List<WishlistView> data, long total, ListQuery query) {
    }

    /** The caller must be in a group (403); only the caller's groups' wishlists are seen, whatever the filters. */
    long requireSomeGroup(PortalUser caller) {
        long userId = users.idOf(caller);
        if (!groups.isInAnyGroup(userId)) {
            throw forbidden("no-group-membership", "You are not a member of any group.");
        }
        return userId;
    }

    Page list(long userId, ListQuery query) {
        StringBuilder where = new StringBuilder(
                " where w.group_id in (select m.group_id from group_members m where m.user_id = :user) and w.status in (:statuses)");
        if (query.groupId() != null) {
            where.append(" and w.group_id = :group");
        }
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from wishlist_to_groups w" + where)
                .param("user", userId).param("statuses", query.statuses());
        // the page's ids first (an index-only scan of the list index), then the joins for those rows only: joining
        // before the limit costs one lookup per matching wishlist (EXPLAIN in docs/benchmarks.md)
        JdbcClient.StatementSpec select = jdbc.sql("with page as (select w.id from wishlist_to_groups w" + where
                        + " order by w.id desc limit :limit offset :offset) "
                        + SELECT + " join page on page.id = w.id order by w.id desc")
                .param("user", userId).param("statuses", query.statuses())
                .param("limit", query.perPage()).param("offset", (long) (query.page() - 1) * query.perPage());
        if (query.groupId() != null) {
            count = count.param("group", query.groupId());
            select = select.param("group", query.groupId());
        }
        long total = count.query(Long.class).single();
        List<WishlistView> data = total == 0 ? List.of() : select.query(WishlistToGroupService::row).list();
        return new Page(data, total, query);
    }

    // ---- case 2: create --------------------------------------------------------------------------------------

    WishlistView create(PortalUser caller, WishlistRequests.Create body) {
        // step 1: authentication is done; group membership before anything about the input
        long userId = requireSomeGroup(caller);
        FieldErrors errors = new FieldErrors();
        if (body.groupId() == null) {
            errors.add("group_id", "must not be null");
        } else if (body.groupId() > 0 && groups.roleOf(body.groupId(), userId).isEmpty()) {
            throw forbidden("group-access-denied", "You are not a member of that group.");
        }
        // step 3 (input) before step 2's Stripe call: a malformed request costs no billing lookup
        errors.validate(validator, body);
        if (body.tempWishlistId() == null && (body.name() == null || body.name().isBlank())) {
            errors.add("name", "must not be blank");
        }
        if (body.status() != null && body.status() != WishlistView.ACTIVE && body.status() != WishlistView.INACTIVE) {
            errors.add("status", "must be 0 (inactive) or 1 (active)");
        }
        Optional<TempWishlists.TempWishlist> temp = Optional.empty();
        if (body.tempWishlistId() != null && body.tempWishlistId() > 0) {
            temp = temps.findOwned(body.tempWishlistId(), userId, false);
            if (temp.isEmpty()) {
                errors.add("temp_wishlist_id", "no such temporary wishlist of yours");
            }
        }
        errors.throwIfAny();
        if (temp.isPresent() && temp.get().status() != TempWishlists.OPEN) {
            throw alreadyConverted();
        }
        long groupId = body.groupId();
        // step 2: the group's subscription (402/503), then the quota under the lock below (409)
        UsableSubscription subscription = subscriptions.requireUsable(groups.subscriptionOf(groupId));
        Data data = Data.of(body, temp);
        Optional<TempWishlists.TempWishlist> source = temp;
        long id = transactions.execute(tx -> {
            int used = lockUsage(subscription.id());
            if (used >= subscription.quota()) {
                throw quotaExceeded(subscription.quota(), used);
            }
            if (source.isPresent()) {
                TempWishlists.TempWishlist locked = temps.findOwned(source.get().id(), userId, true).orElseThrow();
                if (locked.status() != TempWishlists.OPEN) {
                    throw alreadyConverted();
                }
            }
            Instant now = clock.instant();
            long created = insert(groupId, userId, subscription.id(), data, source.map(TempWishlists.TempWishlist::id).orElse(null), now);
            writeRelated(created, data.products(), data.categories(), data.searchQueries());
            writeSchedule(created, data.frequency(), now);
            writeSummary(created);
            source.ifPresent(t -> temps.markConverted(t.id(), created, now));
            jdbc.sql("update subscription_usage set wishlists_used = wishlists_used + 1, updated_at = now() where subscription_id = ?")
                    .param(subscription.id()).update();
            WishlistView view = detailed(created).orElseThrow();
            audit.record(userId, source.isPresent() ? "wishlist.converted" : "wishlist.created", "wishlist",
                    String.valueOf(created), null, view.auditView());
            outbox.publish(Topics.WISHLIST_EVENTS, new WishlistCreated(created, view.slug(), groupId, caller.id(),
                    view.name(), view.status(), view.tempWishlistId(), now));
            return created;
        });
        log.info("wishlist {} created in group {}{}", id, groupId, temp.map(t -> " from temporary wishlist " + t.id()).orElse(""));
        return detailed(id).orElseThrow();
    }

    /** Manual input, or the temporary wishlist's data with the given fields winning. */
    record Data(String name, String description, int status, List<ProductInput> products, List<String> categories,
                List<String> searchQueries, String frequency) {

        static Data of(WishlistRequests.Create body, Optional<TempWishlists.TempWishlist> temp) {
            String name = body.name() != null && !body.name().isBlank() ? body.name().strip()
                    : temp.map(TempWishlists.TempWishlist::name).orElseThrow();
            return new Data(name, body.description(), body.status() == null ? WishlistView.ACTIVE : body.status(),
                    body.products() != null ? body.products() : temp.map(TempWishlists.TempWishlist::products).orElse(List.of()),
                    body.categories() != null ? body.categories() : temp.map(TempWishlists.TempWishlist::categories).orElse(List.of()),
                    body.searchQueries() != null ? body.searchQueries() : temp.map(TempWishlists.TempWishlist::searchQueries).orElse(List.of()),
                    body.schedule() == null ? "none" : body.schedule().frequency());
        }
    }

    private long insert(long groupId, long userId, long subscriptionId, Data data, Long tempId, Instant now) {
        String base = slugify(data.name());
        for (int attempt = 1; attempt <= 12; attempt++) {
            String slug = attempt == 1 ? base : attempt <= 10 ? base + "-" + attempt
                    : base + "-" + UUID.randomUUID().toString().substring(0, 8);
            // on conflict do nothing: a taken slug does not abort the transaction, the next candidate is tried
            Optional<Long> id = jdbc.sql("""
                    insert into wishlist_to_groups (group_id, created_by, subscription_id, name, slug, description, status,
                        temp_wishlist_id, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (slug) do nothing returning id""")
                    .params(groupId, userId, subscriptionId, data.name(), slug, data.description(), data.status(), tempId,
                            Timestamp.from(now), Timestamp.from(now))
                    .query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("no free slug for " + base);
    }

    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase();
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        // names without Latin letters or digits (e.g. Japanese) still get a readable, unique slug
        return slug.isEmpty() ? "wishlist" : slug;
    }

    // ---- case 3: show ----------------------------------------------------------------------------------------

    /** The wishlist when it is in one of the caller's groups; absent and foreign look the same (404). */
    WishlistView show(PortalUser caller, String slug) {
        long userId = users.idOf(caller);
        return visible(slug, userId).flatMap(w -> detailed(w.id())).orElseThrow(WishlistToGroupService::notFound);
    }

    private Optional<WishlistView> visible(String slug, long userId) {
        return jdbc.sql(SELECT + " where w.slug = ? and exists (select 1 from group_members m where m.group_id = w.group_id and m.user_id = ?)")
                .params(slug, userId).query(WishlistToGroupService::row).optional();
    }

    // ---- update, cancel, reactivate ------------------------------------------------------------------------

    WishlistView update(PortalUser caller, String slug, WishlistRequests.Update body) {
        long userId = users.idOf(caller);
        WishlistView current = visible(slug, userId).orElseThrow(WishlistToGroupService::notFound);
        FieldErrors errors = new FieldErrors().validate(validator, body);
        if (body.status() != null && body.status() != WishlistView.ACTIVE && body.status() != WishlistView.INACTIVE
                && body.status() != WishlistView.CANCELLED) {
            errors.add("status", "must be 0 (inactive), 1 (active) or 3 (cancelled)");
        }
        if (body.name() != null && body.name().isBlank()) {
            errors.add("name", "must not be blank");
        }
        errors.throwIfAny();
        int newStatus = body.status() == null ? current.status() : body.status();
        boolean cancelling = newStatus == WishlistView.CANCELLED && current.status() != WishlistView.CANCELLED;
        boolean reactivating = current.status() == WishlistView.CANCELLED && newStatus != WishlistView.CANCELLED;
        if (current.status() == WishlistView.CANCELLED && !reactivating && body.changesMoreThanStatus()) {
            throw new ProblemException(HttpStatus.CONFLICT, "wishlist-cancelled", "Conflict",
                    "A cancelled wishlist cannot be changed; reactivate it first.");
        }
        if (cancelling || reactivating) {
            Role role = groups.roleOf(current.groupId(), userId).orElseThrow(WishlistToGroupService::notFound);
            if (!role.manages() && current.createdBy() != userId) {
                throw forbidden("wishlist-status-forbidden",
                        "Only the wishlist's creator or the group's owner or admins cancel or reactivate it.");
            }
        }
        // a reactivated wishlist counts against the group's current subscription, checked like a create
        Optional<UsableSubscription> reactivation = reactivating
                ? Optional.of(subscriptions.requireUsable(groups.subscriptionOf(current.groupId()))) : Optional.empty();
        WishlistView before = detailed(current.id()).orElseThrow();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            if (reactivation.isPresent()) {
                UsableSubscription subscription = reactivation.get();
                int used = lockUsage(subscription.id());
                if (used >= subscription.quota()) {
                    throw quotaExceeded(subscription.quota(), used);
                }
                jdbc.sql("update subscription_usage set wishlists_used = wishlists_used + 1, updated_at = now() where subscription_id = ?")
                        .param(subscription.id()).update();
                jdbc.sql("update wishlist_to_groups set subscription_id = ?, cancelled_at = null where id = ?")
                        .params(subscription.id(), current.id()).update();
            }
            if (cancelling) {
                lockUsage(current.subscriptionId());
                jdbc.sql("update subscription_usage set wishlists_used = wishlists_used - 1, updated_at = now() where subscription_id = ?")
                        .param(current.subscriptionId()).update();
                jdbc.sql("update wishlist_to_groups set cancelled_at = ? where id = ?").params(Timestamp.from(now), current.id()).update();
            }
            jdbc.sql("""
                    update wishlist_to_groups set name = coalesce(?, name), description = coalesce(?, description),
                        status = ?, updated_at = ? where id = ?""")
                    .params(body.name() == null ? null : body.name().strip(), body.description(), newStatus,
                            Timestamp.from(now), current.id()).update();
            if (body.products() != null || body.categories() != null || body.searchQueries() != null) {
                replaceRelated(current.id(), body, before);
            }
            if (body.schedule() != null) {
                writeSchedule(current.id(), body.schedule().frequency(), now);
            }
            writeSummary(current.id());
            WishlistView after = detailed(current.id()).orElseThrow();
            List<String> changed = changedFields(before, after);
            String action = cancelling ? "wishlist.cancelled" : reactivating ? "wishlist.reactivated" : "wishlist.updated";
            if (changed.isEmpty()) {
                return;
            }
            audit.record(userId, action, "wishlist", String.valueOf(current.id()), before.auditView(), after.auditView());
            if (cancelling) {
                outbox.publish(Topics.WISHLIST_EVENTS, new WishlistCancelled(current.id(), current.slug(), current.groupId(), caller.id(), now));
            } else if (reactivating) {
                outbox.publish(Topics.WISHLIST_EVENTS, new WishlistReactivated(current.id(), current.slug(), current.groupId(),
                        caller.id(), newStatus, now));
            } else {
                outbox.publish(Topics.WISHLIST_EVENTS, new WishlistUpdated(current.id(), current.slug(), current.groupId(),
                        caller.id(), changed, newStatus, now));
            }
        });
        return detailed(current.id()).orElseThrow();
    }

    private static List<String> changedFields(WishlistView before, WishlistView after) {
        Map<String, Object> a = before.auditView();
        Map<String, Object> b = after.auditView();
        List<String> changed = new ArrayList<>();
        for (String key : new LinkedHashSet<>(a.keySet())) {
            if (!"summary".equals(key) && !java.util.Objects.equals(a.get(key), b.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private void replaceRelated(long id, WishlistRequests.Update body, WishlistView before) {
        List<ProductInput> products = body.products() != null ? body.products() : before.products();
        List<String> categories = body.categories() != null ? body.categories() : before.categories();
        List<String> queries = body.searchQueries() != null ? body.searchQueries() : before.searchQueries();
        jdbc.sql("delete from wishlist_products where wishlist_id = ?").param(id).update();
        jdbc.sql("delete from wishlist_categories where wishlist_id = ?").param(id).update();
        jdbc.sql("delete from wishlist_search_queries where wishlist_id = ?").param(id).update();
        writeRelated(id, products, categories, queries);
    }

    // ---- shared pieces -------------------------------------------------------------------------------------

    /** Locks the subscription's usage row for the rest of the transaction and returns its count. */
    private int lockUsage(long subscriptionId) {
        jdbc.sql("insert into subscription_usage (subscription_id) values (?) on conflict do nothing").param(subscriptionId).update();
        return jdbc.sql("select wishlists_used from subscription_usage where subscription_id = ? for update")
                .param(subscriptionId).query(Integer.class).single();
    }

    private void writeRelated(long id, List<ProductInput> products, List<String> categories, List<String> queries) {
        for (int i = 0; i < products.size(); i++) {
            ProductInput p = products.get(i);
            jdbc.sql("insert into wishlist_products (wishlist_id, position, product_code, name, quantity) values (?, ?, ?, ?, ?)")
                    .params(id, i, p.productCode(), p.name(), p.quantityOrDefault()).update();
        }
        for (String category : new LinkedHashSet<>(categories)) {
            jdbc.sql("insert into wishlist_categories (wishlist_id, category) values (?, ?)").params(id, category.strip()).update();
        }
        for (int i = 0; i < queries.size(); i++) {
            jdbc.sql("insert into wishlist_search_queries (wishlist_id, position, query) values (?, ?, ?)")
                    .params(id, i, queries.get(i).strip()).update();
        }
    }

    private void writeSchedule(long id, String frequency, Instant now) {
        Instant next = switch (frequency) {
            case "daily" -> now.atOffset(ZoneOffset.UTC).plusDays(1).toInstant();
            case "weekly" -> now.atOffset(ZoneOffset.UTC).plusWeeks(1).toInstant();
            case "monthly" -> now.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
            default -> null;
        };
        jdbc.sql("""
                insert into wishlist_schedules (wishlist_id, frequency, next_run_at, updated_at) values (?, ?, ?, ?)
                on conflict (wishlist_id) do update set frequency = excluded.frequency, next_run_at = excluded.next_run_at,
                    updated_at = excluded.updated_at""")
                .params(id, frequency, next == null ? null : Timestamp.from(next), Timestamp.from(now)).update();
    }

    /** Recomputes the summary row from the related tables, in the writer's transaction. */
    private void writeSummary(long id) {
        jdbc.sql("""
                insert into wishlist_summaries (wishlist_id, product_count, item_count, category_count, query_count)
                select :id,
                       (select count(*) from wishlist_products where wishlist_id = :id),
                       (select coalesce(sum(quantity), 0) from wishlist_products where wishlist_id = :id),
                       (select count(*) from wishlist_categories where wishlist_id = :id),
                       (select count(*) from wishlist_search_queries where wishlist_id = :id)
                on conflict (wishlist_id) do update set product_count = excluded.product_count,
                    item_count = excluded.item_count, category_count = excluded.category_count,
                    query_count = excluded.query_count, updated_at = now()""")
                .param("id", id).update();
    }

    private Optional<WishlistView> detailed(long id) {
        return jdbc.sql(SELECT + " where w.id = ?").param(id).query(WishlistToGroupService::row).optional()
                .map(w -> w.withDetails(
                        jdbc.sql("select product_code, name, quantity from wishlist_products where wishlist_id = ? order by position")
                                .param(id).query((rs, n) -> new ProductInput(rs.getString(1), rs.getString(2), rs.getInt(3))).list(),
                        jdbc.sql("select category from wishlist_categories where wishlist_id = ? order by category")
                                .param(id).query(String.class).list(),
                        jdbc.sql("select query from wishlist_search_queries where wishlist_id = ? order by position")
                                .param(id).query(String.class).list()));
    }

    private static final String SELECT = """
            select w.id, w.group_id, w.created_by, u.portal_user_id, w.subscription_id, w.name, w.slug, w.description,
                   w.status, w.temp_wishlist_id, w.created_at, w.updated_at, w.cancelled_at,
                   s.product_count, s.item_count, s.category_count, s.query_count, sc.frequency, sc.next_run_at
            from wishlist_to_groups w
            join users u on u.id = w.created_by
            left join wishlist_summaries s on s.wishlist_id = w.id
            left join wishlist_schedules sc on sc.wishlist_id = w.id""";

    private static WishlistView row(ResultSet rs, int n) throws SQLException {
        int status = rs.getInt(9);
        WishlistView.Summary summary = rs.getObject(14) == null ? null
                : new WishlistView.Summary(rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17));
        WishlistView.Schedule schedule = rs.getString(18) == null ? null
                : new WishlistView.Schedule(rs.getString(18), instant(rs.getTimestamp(19)));
        return new WishlistView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), status, WishlistView.label(status),
                rs.getObject(10, Long.class), summary, schedule, null, null, null, instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("wishlist-not-found", "No such wishlist.");
    }

    private static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
    }

    private static ProblemException quotaExceeded(int quota, int used) {
        return new ProblemException(HttpStatus.CONFLICT, "quota-exceeded", "Quota exceeded",
                "The subscription's plan allows " + quota + " wishlist(s) and " + used + " are in use.",
                Map.of("quota", quota, "used", used));
    }

    private static ProblemException alreadyConverted() {
        return new ProblemException(HttpStatus.CONFLICT, "temp-wishlist-already-converted", "Conflict",
                "That temporary wishlist has already been converted.");
    }
}
