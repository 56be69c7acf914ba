package dev.portal.wishlist.wishlists;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the audit log keeps of a wishlist as {@code before} and {@code after}; read inside the transaction. */
final class WishlistAudit {

    static final String ENTITY = "wishlist";

    private WishlistAudit() {
    }

    static Map<String, Object> of(Wishlist wishlist) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", wishlist.name());
        view.put("description", wishlist.description());
        view.put("status", wishlist.status().code());
        view.put("subscription_id", wishlist.subscriptionId());
        Summary summary = wishlist.summary();
        view.put("summary", Map.of("product_count", summary.productCount(), "item_count", summary.itemCount(),
                "category_count", summary.categoryCount(), "query_count", summary.queryCount()));
        view.put("schedule", wishlist.schedule().frequency().wire());
        view.put("products", wishlist.products().stream().map(p -> p.productCode() + "x" + p.quantity()).toList());
        view.put("categories", wishlist.categories());
        view.put("search_queries", wishlist.searchQueries());
        return view;
    }

    /** Whether anything but the derived summary differs. */
    static boolean differ(Map<String, Object> before, Map<String, Object> after) {
        return before.keySet().stream().anyMatch(key -> !"summary".equals(key) && !Objects.equals(before.get(key), after.get(key)));
    }
}
