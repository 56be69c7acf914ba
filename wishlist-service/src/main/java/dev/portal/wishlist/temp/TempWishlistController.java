package dev.portal.wishlist.temp;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.platform.security.CurrentUser;
import dev.portal.wishlist.audit.AuditLog;
import dev.portal.wishlist.config.WishlistProperties;
import dev.portal.wishlist.users.Users;
import dev.portal.wishlist.web.FieldErrors;
import dev.portal.wishlist.web.ProductInput;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's own temporary wishlists: create, list, show. Others' answer 404. A user keeps at most
 * {@code portal.wishlist.max-open-temp-wishlists} open ones, counted under the user's row lock so that concurrent
 * creates cannot pass the limit together.
 */
@RestController
@RequestMapping("/api/v1/temp-wishlists")
class TempWishlistController {

    private final TempWishlists temps;
    private final Users users;
    private final CurrentUser currentUser;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final int maxOpen;

    TempWishlistController(TempWishlists temps, Users users, CurrentUser currentUser, Validator validator,
                           TransactionTemplate transactions, AuditLog audit, WishlistProperties properties) {
        this.temps = temps;
        this.users = users;
        this.currentUser = currentUser;
        this.validator = validator;
        this.transactions = transactions;
        this.audit = audit;
        this.maxOpen = properties.maxOpenTempWishlists();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewTempWishlist(@NotBlank @Size(max = 200) String name,
                           @Size(max = 200) List<@Valid ProductInput> products,
                           @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
                           @Size(max = 50) List<@NotBlank @Size(max = 500) String> searchQueries) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TempView(long id, String name, String status, Long convertedWishlistId, Instant createdAt, Instant closedAt,
                    List<ProductInput> products, List<String> categories, List<String> searchQueries) {

        static TempView of(TempWishlists.TempWishlist t) {
            return new TempView(t.id(), t.name(), t.status().label(),
                    t.convertedWishlistId(), t.createdAt(), t.closedAt(), t.products(), t.categories(), t.searchQueries());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TempView create(@RequestBody NewTempWishlist body) {
        new FieldErrors().validate(validator, body).throwIfAny();
        long ownerId = users.idOf(currentUser.get());
        long id = transactions.execute(tx -> {
            users.lock(ownerId);
            if (temps.countOpen(ownerId) >= maxOpen) {
                throw new TempWishlistLimitReached(maxOpen);
            }
            long created = temps.create(ownerId, body.name().strip(), orEmpty(body.products()), orEmpty(body.categories()),
                    orEmpty(body.searchQueries()));
            audit.record(ownerId, "temp-wishlist.created", "temp_wishlist", String.valueOf(created), null,
                    Map.of("name", body.name().strip()));
            return created;
        });
        return TempView.of(temps.findOwned(id, ownerId, false).orElseThrow());
    }

    @GetMapping
    Map<String, List<TempView>> list() {
        long ownerId = users.idOf(currentUser.get());
        return Map.of("data", temps.listOwned(ownerId).stream().map(TempView::of).toList());
    }

    @GetMapping("/{id}")
    TempView show(@PathVariable long id) {
        long ownerId = users.idOf(currentUser.get());
        return temps.findOwned(id, ownerId, false).map(TempView::of)
                .orElseThrow(TempWishlistNotFound::new);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
