package dev.portal.wishlist.wishlists;

import dev.portal.platform.outbox.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.SecondaryRow;
import org.hibernate.annotations.SortNatural;

/**
 * An official wishlist of a group, paid for by the group's subscription. Its transitions are {@link #create},
 * {@link #edit}, {@link #cancel} and {@link #reactivate}; each refuses what its status does not allow and registers
 * its event, written to the outbox when {@link Wishlists} saves the wishlist. The products, categories, search
 * queries, summary and schedule are part of it and change only through it, so the summary always matches.
 * The quota a wishlist holds is counted by {@link Quota}, in the same transaction as the transition.
 */
@Entity
@Table(name = "wishlist_to_groups")
@SecondaryTable(name = Wishlist.SUMMARIES, pkJoinColumns = @PrimaryKeyJoinColumn(name = "wishlist_id"))
@SecondaryTable(name = Wishlist.SCHEDULES, pkJoinColumns = @PrimaryKeyJoinColumn(name = "wishlist_id"))
@SecondaryRow(table = Wishlist.SUMMARIES, optional = false)
@SecondaryRow(table = Wishlist.SCHEDULES, optional = false)
public class Wishlist extends Aggregate<Wishlist, Long> {

    static final String SUMMARIES = "wishlist_summaries";
    static final String SCHEDULES = "wishlist_schedules";

    /** Who performs a transition: local user id, portal user id (for events) and whether they manage the group. */
    record Actor(long userId, String portalUserId, boolean managesGroup) {
    }

    @Id
    private Long id;
    private long groupId;
    private long createdBy;
    private long subscriptionId;
    private String name;
    private String slug;
    private String description;
    private WishlistStatus status;
    private Long tempWishlistId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant cancelledAt;

    @ElementCollection
    @CollectionTable(name = "wishlist_products", joinColumns = @JoinColumn(name = "wishlist_id"))
    @OrderColumn(name = "position")
    private List<Product> products = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "wishlist_categories", joinColumns = @JoinColumn(name = "wishlist_id"))
    @Column(name = "category")
    @SortNatural
    private SortedSet<String> categories = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "wishlist_search_queries", joinColumns = @JoinColumn(name = "wishlist_id"))
    @OrderColumn(name = "position")
    @Column(name = "query")
    private List<String> searchQueries = new ArrayList<>();

    @Embedded
    private Summary summary;

    @Embedded
    private Schedule schedule;

    protected Wishlist() {
    }

    /**
     * A new wishlist in {@code groupId}, holding one unit of the subscription's quota; {@code tempWishlistId} names
     * the temporary wishlist it was converted from, or is null. Registers {@link WishlistCreated}.
     */
    static Wishlist create(long id, long groupId, long subscriptionId, String slug, WishlistContent content,
                           WishlistStatus status, Long tempWishlistId, Actor by, Instant now) {
        if (status == WishlistStatus.CANCELLED) {
            throw new IllegalArgumentException("a wishlist is created inactive or active, not cancelled");
        }
        Wishlist wishlist = new Wishlist();
        wishlist.id = id;
        wishlist.groupId = groupId;
        wishlist.createdBy = by.userId();
        wishlist.subscriptionId = subscriptionId;
        wishlist.slug = Objects.requireNonNull(slug);
        wishlist.name = requireName(content.name());
        wishlist.description = content.description();
        wishlist.status = status;
        wishlist.tempWishlistId = tempWishlistId;
        wishlist.createdAt = now;
        wishlist.updatedAt = now;
        wishlist.products.addAll(content.products());
        wishlist.categories.addAll(stripped(content.categories()));
        wishlist.searchQueries.addAll(stripped(content.searchQueries()));
        wishlist.summary = Summary.of(wishlist.products, wishlist.categories, wishlist.searchQueries, now);
        wishlist.schedule = Schedule.of(content.frequency(), now);
        wishlist.registerEvent(new WishlistCreated(id, slug, groupId, by.portalUserId(), wishlist.name, status.code(),
                tempWishlistId, now));
        return wishlist;
    }

    /**
     * Changes what the wishlist holds and, with {@code newStatus} (null: unchanged), switches between inactive and
     * active. Registers {@link WishlistUpdated} naming the changed fields, or nothing when nothing changed.
     *
     * @throws CancelledWishlistUnchangeable when the wishlist is cancelled
     */
    void edit(WishlistContent changes, WishlistStatus newStatus, Actor by, Instant now) {
        if (status == WishlistStatus.CANCELLED) {
            throw new CancelledWishlistUnchangeable();
        }
        if (newStatus == WishlistStatus.CANCELLED) {
            throw new IllegalArgumentException("cancelling is its own transition");
        }
        List<String> changed = new ArrayList<>();
        if (changes.name() != null && !requireName(changes.name()).equals(name)) {
            name = requireName(changes.name());
            changed.add("name");
        }
        if (changes.description() != null && !changes.description().equals(description)) {
            description = changes.description();
            changed.add("description");
        }
        if (newStatus != null && newStatus != status) {
            status = newStatus;
            changed.add("status");
        }
        if (changes.frequency() != null && changes.frequency() != schedule.frequency()) {
            schedule = Schedule.of(changes.frequency(), now);
            changed.add("schedule");
        }
        if (changes.products() != null && !changes.products().equals(products)) {
            replace(products, changes.products());
            changed.add("products");
        }
        if (changes.categories() != null && !new TreeSet<>(stripped(changes.categories())).equals(categories)) {
            replace(categories, stripped(changes.categories()));
            changed.add("categories");
        }
        if (changes.searchQueries() != null && !stripped(changes.searchQueries()).equals(searchQueries)) {
            replace(searchQueries, stripped(changes.searchQueries()));
            changed.add("search_queries");
        }
        if (changed.isEmpty()) {
            return;
        }
        summary = Summary.of(products, categories, searchQueries, now);
        updatedAt = now;
        registerEvent(new WishlistUpdated(id, slug, groupId, by.portalUserId(), List.copyOf(changed), status.code(), now));
    }

    /**
     * Cancels the wishlist; it stops holding quota (the caller releases it). Registers {@link WishlistCancelled}.
     *
     * @throws WishlistStatusForbidden unless {@code by} created the wishlist or manages the group
     * @throws CancelledWishlistUnchangeable when it is cancelled already
     */
    void cancel(Actor by, Instant now) {
        checkStatusChangeBy(by);
        if (status == WishlistStatus.CANCELLED) {
            throw new CancelledWishlistUnchangeable();
        }
        status = WishlistStatus.CANCELLED;
        cancelledAt = now;
        updatedAt = now;
        registerEvent(new WishlistCancelled(id, slug, groupId, by.portalUserId(), now));
    }

    /**
     * Brings a cancelled wishlist back as {@code newStatus}, now held by {@code subscriptionId} (the group's current
     * subscription, whose quota the caller reserved). Registers {@link WishlistReactivated}.
     *
     * @throws WishlistStatusForbidden unless {@code by} created the wishlist or manages the group
     * @throws WishlistNotCancelled when it is not cancelled
     */
    void reactivate(WishlistStatus newStatus, long subscriptionId, Actor by, Instant now) {
        checkStatusChangeBy(by);
        if (status != WishlistStatus.CANCELLED) {
            throw new WishlistNotCancelled();
        }
        if (newStatus == WishlistStatus.CANCELLED) {
            throw new IllegalArgumentException("a wishlist is reactivated as inactive or active");
        }
        status = newStatus;
        this.subscriptionId = subscriptionId;
        cancelledAt = null;
        updatedAt = now;
        registerEvent(new WishlistReactivated(id, slug, groupId, by.portalUserId(), newStatus.code(), now));
    }

    /**
     * Cancelling and reactivating are for the wishlist's creator and the group's owner and admins.
     *
     * @throws WishlistStatusForbidden for anyone else
     */
    void checkStatusChangeBy(Actor by) {
        if (!by.managesGroup() && by.userId() != createdBy) {
            throw new WishlistStatusForbidden();
        }
    }

    @Override
    public Long getId() {
        return id;
    }

    long groupId() {
        return groupId;
    }

    long subscriptionId() {
        return subscriptionId;
    }

    WishlistStatus status() {
        return status;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    List<Product> products() {
        return List.copyOf(products);
    }

    List<String> categories() {
        return List.copyOf(categories);
    }

    List<String> searchQueries() {
        return List.copyOf(searchQueries);
    }

    Summary summary() {
        return summary;
    }

    Schedule schedule() {
        return schedule;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a wishlist needs a name");
        }
        return name.strip();
    }

    private static List<String> stripped(Collection<String> values) {
        return values.stream().map(String::strip).toList();
    }

    private static <T> void replace(Collection<T> current, Collection<T> replacement) {
        current.clear();
        current.addAll(replacement);
    }
}
