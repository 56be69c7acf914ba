package dev.portal.wishlist.wishlists;

import dev.portal.wishlist.temp.TempWishlists.TempWishlist;
import dev.portal.wishlist.web.FieldErrors;
import dev.portal.wishlist.web.ProductInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Request bodies of the wishlist API (snake_case on the wire; {@code status} as {@link WishlistStatus#code()}). */
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

        /** The rules Bean Validation cannot express. */
        void checkRules(FieldErrors errors) {
            if (tempWishlistId == null && (name == null || name.isBlank())) {
                errors.add("name", "must not be blank");
            }
            if (status != null && WishlistStatus.ofCode(status).filter(s -> s != WishlistStatus.CANCELLED).isEmpty()) {
                errors.add("status", "must be 0 (inactive) or 1 (active)");
            }
        }

        /** The status asked for, active when absent; only meaningful once {@link #checkRules} passed. */
        WishlistStatus requestedStatus() {
            return status == null ? WishlistStatus.ACTIVE : WishlistStatus.ofCode(status).orElseThrow();
        }

        /** The manual data, or the temporary wishlist's with the fields given here winning. */
        WishlistContent content(Optional<TempWishlist> temp) {
            return new WishlistContent(
                    name != null && !name.isBlank() ? name : temp.map(TempWishlist::name).orElseThrow(),
                    description,
                    toProducts(products != null ? products : temp.map(TempWishlist::products).orElse(List.of())),
                    categories != null ? categories : temp.map(TempWishlist::categories).orElse(List.of()),
                    searchQueries != null ? searchQueries : temp.map(TempWishlist::searchQueries).orElse(List.of()),
                    schedule == null ? Frequency.NONE : Frequency.ofWire(schedule.frequency()));
        }
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

        void checkRules(FieldErrors errors) {
            if (status != null && WishlistStatus.ofCode(status).isEmpty()) {
                errors.add("status", "must be 0 (inactive), 1 (active) or 3 (cancelled)");
            }
            if (name != null && name.isBlank()) {
                errors.add("name", "must not be blank");
            }
        }

        /** The status asked for, or {@code current} when absent; only meaningful once {@link #checkRules} passed. */
        WishlistStatus requestedStatusOr(WishlistStatus current) {
            return status == null ? current : WishlistStatus.ofCode(status).orElseThrow();
        }

        boolean changesMoreThanStatus() {
            return name != null || description != null || products != null || categories != null
                    || searchQueries != null || schedule != null;
        }

        WishlistContent changes() {
            return new WishlistContent(name, description, products == null ? null : toProducts(products), categories,
                    searchQueries, schedule == null ? null : Frequency.ofWire(schedule.frequency()));
        }
    }

    private static List<Product> toProducts(List<ProductInput> inputs) {
        return inputs.stream().map(p -> new Product(p.productCode(), p.name(), p.quantityOrDefault())).toList();
    }
}
