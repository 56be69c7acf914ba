package dev.portal.wishlist.wishlists;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Counts kept with the wishlist (row in {@code wishlist_summaries}), so that lists never aggregate the related tables. */
@Embeddable
record Summary(@Column(table = Wishlist.SUMMARIES) int productCount,
               @Column(table = Wishlist.SUMMARIES) int itemCount,
               @Column(table = Wishlist.SUMMARIES) int categoryCount,
               @Column(table = Wishlist.SUMMARIES) int queryCount,
               @Column(table = Wishlist.SUMMARIES, name = "updated_at") Instant updatedAt) {

    static Summary of(List<Product> products, Collection<String> categories, List<String> queries, Instant now) {
        return new Summary(products.size(), products.stream().mapToInt(Product::quantity).sum(), categories.size(),
                queries.size(), now);
    }
}
