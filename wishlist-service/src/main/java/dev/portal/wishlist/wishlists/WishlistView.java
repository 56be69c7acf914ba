package dev.portal.wishlist.wishlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.wishlist.web.ProductInput;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The API resource of a wishlist; the related data is present on show/create/update, not in lists. {@code status}
 * is the integer of {@link WishlistStatus#code()} (the API's contract), {@code status_label} its name.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record WishlistView(long id, long groupId, long createdBy, String createdByUserId, long subscriptionId, String name,
                    String slug, String description, int status, String statusLabel, Long tempWishlistId,
                    Summary summary, Schedule schedule, List<ProductInput> products, List<String> categories,
                    List<String> searchQueries, Instant createdAt, Instant updatedAt, Instant cancelledAt) {

    WishlistView(long id, long groupId, long createdBy, String createdByUserId, long subscriptionId, String name,
                 String slug, String description, WishlistStatus status, Long tempWishlistId, Summary summary,
                 Schedule schedule, Instant createdAt, Instant updatedAt, Instant cancelledAt) {
        this(id, groupId, createdBy, createdByUserId, subscriptionId, name, slug, description, status.code(),
                status.label(), tempWishlistId, summary, schedule, null, null, null, createdAt, updatedAt, cancelledAt);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(int productCount, int itemCount, int categoryCount, int queryCount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(String frequency, Instant nextRunAt) {
    }

    WishlistView withDetails(List<ProductInput> products, List<String> categories, List<String> queries) {
        return new WishlistView(id, groupId, createdBy, createdByUserId, subscriptionId, name, slug, description, status,
                statusLabel, tempWishlistId, summary, schedule, products, categories, queries, createdAt, updatedAt,
                cancelledAt);
    }
}
