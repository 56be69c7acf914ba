package dev.portal.wishlist.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.wishlist.*}
 *
 * @param subscriptionFreshness how long subscription data read from Stripe (API or webhook) is trusted without
 *                              asking Stripe again; within it a wishlist operation never calls Stripe
 * @param pastDueGrace          how long a {@code past_due} subscription still allows creating wishlists, counted
 *                              from when this service first saw it past due ({@code 0s}: no grace)
 * @param defaultPerPage        page size of the list when {@code per_page} is absent
 * @param maxPerPage            largest accepted {@code per_page}
 * @param maxOpenTempWishlists  open (not yet converted) temporary wishlists one user may keep
 */
@Validated
@ConfigurationProperties("portal.wishlist")
public record WishlistProperties(
        @NotNull @DefaultValue("10m") Duration subscriptionFreshness,
        @NotNull @DefaultValue("3d") Duration pastDueGrace,
        @Min(1) @DefaultValue("15") int defaultPerPage,
        @Min(1) @Max(1000) @DefaultValue("100") int maxPerPage,
        @Min(1) @Max(200) @DefaultValue("50") int maxOpenTempWishlists) {
}
