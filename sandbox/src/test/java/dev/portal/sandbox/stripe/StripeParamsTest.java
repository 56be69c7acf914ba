package dev.portal.sandbox.stripe;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe's bracket notation read into nested maps and lists. */
class StripeParamsTest {

    private static StripeParams of(String... pairs) {
        Map<String, String[]> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = raw.getOrDefault(pairs[i], new String[0]);
            String[] values = java.util.Arrays.copyOf(old, old.length + 1);
            values[old.length] = pairs[i + 1];
            raw.put(pairs[i], values);
        }
        return StripeParams.of(raw);
    }

    @Test
    void indexed_items_become_a_list_of_maps_in_index_order() {
        StripeParams p = of("items[1][price]", "price_b", "items[0][price]", "price_a", "items[0][quantity]", "2");

        assertThat(p.list("items")).containsExactly(Map.of("price", "price_a", "quantity", "2"), Map.of("price", "price_b"));
    }

    @Test
    void metadata_is_a_map_and_empty_brackets_append() {
        StripeParams p = of("metadata[tier]", "gold", "expand[]", "customer", "expand[]", "items.data.price.product");

        assertThat(p.map("metadata")).containsEntry("tier", "gold");
        assertThat(p.strings("expand")).containsExactly("customer", "items.data.price.product");
    }

    @Test
    void an_empty_value_clears_a_map() {
        assertThat(of("metadata", "").map("metadata")).isEmpty();
    }

    @Test
    void unknown_parameters_and_bad_integers_are_refused_as_stripe_does() {
        assertThatThrownBy(() -> of("colour", "blue").allow(java.util.Set.of("email")))
                .isInstanceOfSatisfying(StripeError.class, e -> assertThat(e.validation()).isTrue());
        assertThatThrownBy(() -> of("limit", "ten").integer("limit")).isInstanceOf(StripeError.class);
    }

    @Test
    void the_fingerprint_ignores_parameter_order() {
        assertThat(of("a", "1", "b", "2").fingerprint()).isEqualTo(of("b", "2", "a", "1").fingerprint());
        assertThat(of("a", "1").fingerprint()).isNotEqualTo(of("a", "2").fingerprint());
    }
}
