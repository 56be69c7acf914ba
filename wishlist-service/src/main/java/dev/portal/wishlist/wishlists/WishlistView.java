package dev.portal.wishlist.wishlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.wishlist.web.ProductInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The API resource of a wishlist; the related data is present on show/create/update, not in lists. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record WishlistView(long id, long groupId, long createdBy, String createdByUserId, long subscriptionId, String name,
                    String slug, String description, int status, String statusLabel, Long tempWishlistId,
                    Summary summary, Schedule schedule, List<ProductInput> products, List<String> categories,
                    List<String> searchQueries, Instant createdAt, Instant updatedAt, Instant cancelledAt) {

    static final int INACTIVE = 0;
    static final int ACTIVE = 1;
    static final int CANCELLED = 3;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(int productCount, int itemCount, int categoryCount, int queryCount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(String frequency, Instant nextRunAt) {
    }

    static String label(int status) {
        return switch (status) {
            case INACTIVE -> "inactive";
            case ACTIVE -> "active";
            case CANCELLED -> "cancelled";
            default -> "unknown";
        };
    }

    WishlistView withDetails(List<ProductInput> products, List<String> categories, List<String> queries) {
        return new WishlistView(id, groupId, createdBy, createdByUserId, subscriptionId, name, slug, description, status,
                statusLabel, tempWishlistId, summary, schedule, products, categories, queries, createdAt, updatedAt,
                cancelledAt);
    }

    /** What the audit log keeps as before/after. */
    Map<String, Object> auditView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("description", description);
        view.put("status", status);
        view.put("subscription_id", subscriptionId);
        view.put("summary", summary == null ? null : Map.of("product_count", summary.productCount(),
                "item_count", summary.itemCount(), "category_count", summary.categoryCount(), "query_count", summary.queryCount()));
        view.put("schedule", schedule == null ? null : schedule.frequency());
        if (products != null) {
            view.put("products", products.stream().map(p -> p.productCode() + "x" + p.quantityOrDefault()).toList());
            view.put("categories", categories);
            view.put("search_queries", searchQueries);
        }
        return view;
    }
}
