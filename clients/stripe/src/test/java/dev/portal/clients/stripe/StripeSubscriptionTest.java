package dev.portal.clients.stripe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wishlist quota comes from the price's metadata, else from the product's. */
class StripeSubscriptionTest {

    private static StripeSubscription with(Map<String, String> price, Map<String, String> product) {
        StripeSubscription.Item item = new StripeSubscription.Item("si_1", "price_1", "wishlist_starter", "prod_1", 1,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60), price, product);
        return new StripeSubscription("sub_1", "cus_1", StripeSubscription.Status.ACTIVE, false, null, Instant.EPOCH, null, List.of(item));
    }

    @Test
    void price_metadata_wins_over_product_metadata() {
        assertThat(with(Map.of("wishlist_quota", "10"), Map.of("wishlist_quota", "100")).quota("wishlist_quota")).contains(10);
    }

    @Test
    void product_metadata_applies_when_the_price_has_none() {
        assertThat(with(Map.of(), Map.of("wishlist_quota", "100")).quota("wishlist_quota")).contains(100);
    }

    @Test
    void values_that_are_not_whole_numbers_are_ignored() {
        assertThat(with(Map.of("wishlist_quota", "lots"), Map.of()).quota("wishlist_quota")).isEmpty();
    }

    @Test
    void unknown_statuses_do_not_fail() {
        assertThat(StripeSubscription.Status.of("something_new")).isEqualTo(StripeSubscription.Status.UNKNOWN);
        assertThat(StripeSubscription.Status.of("past_due")).isEqualTo(StripeSubscription.Status.PAST_DUE);
    }
}
