package dev.portal.wishlist.wishlists;

import dev.portal.wishlist.web.ProductInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Request bodies of the wishlist API (snake_case on the wire). */
final class WishlistRequests {

    private WishlistRequests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ScheduleInput(@NotNull @Pattern(regexp = "none|daily|weekly|monthly", message = "must be none, daily, weekly or monthly")
                         String frequency) {
    }

    /**
     * Manual data, or {@code temp_wishlist_id} to convert a temporary wishlist (its data is taken over; fields given
     * here win over the temporary wishlist's).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Create(@Positive Long groupId, @Positive Long tempWishlistId,
                  @Size(min = 1, max = 200) String name,
                  @Size(max = 2000) String description,
                  Integer status,
                  @Size(max = 200) List<@Valid @NotNull ProductInput> products,
                  @Size(max = 50) List<@NotNull @Size(min = 1, max = 100) String> categories,
                  @Size(max = 50) List<@NotNull @Size(min = 1, max = 500) String> searchQueries,
                  @Valid ScheduleInput schedule) {
    }

    /** Absent fields stay as they are; a list replaces the whole list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Update(@Size(min = 1, max = 200) String name,
                  @Size(max = 2000) String description,
                  Integer status,
                  @Size(max = 200) List<@Valid @NotNull ProductInput> products,
                  @Size(max = 50) List<@NotNull @Size(min = 1, max = 100) String> categories,
                  @Size(max = 50) List<@NotNull @Size(min = 1, max = 500) String> searchQueries,
                  @Valid ScheduleInput schedule) {

        boolean changesMoreThanStatus() {
            return name != null || description != null || products != null || categories != null
                    || searchQueries != null || schedule != null;
        }
    }
}
