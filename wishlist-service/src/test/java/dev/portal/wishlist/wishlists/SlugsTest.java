package dev.portal.wishlist.wishlists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void a_slug_is_the_name_folded_to_lowercase_ascii_words() {
        assertThat(Slugs.slugify("Summer Camping!")).isEqualTo("summer-camping");
        assertThat(Slugs.slugify("  Café Crème ")).isEqualTo("cafe-creme");
    }

    @Test
    void a_name_without_latin_letters_or_digits_becomes_wishlist() {
        assertThat(Slugs.slugify("誕生日プレゼント")).isEqualTo("wishlist");
    }

    @Test
    void a_slug_is_at_most_80_characters_without_a_trailing_dash() {
        String slug = Slugs.slugify("a".repeat(79) + " bcd");

        assertThat(slug).isEqualTo("a".repeat(79));
    }
}
