package dev.portal.clients.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids are 15 base-62 characters, or 18 with a matching checksum; nothing else becomes one. */
class SalesforceIdTest {

    @ParameterizedTest
    @CsvSource({
            "a0RE000000IJmcN, a0RE000000IJmcNMAT",
            "001M000000qfPyS, 001M000000qfPySIAU",
            "a01M00000062mPg, a01M00000062mPgIAI",
            "0F9E000000092w2, 0F9E000000092w2KAA",
            "aaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaAAA",
            "AbCdEfGhIjKlMnO, AbCdEfGhIjKlMnOVKV",
            "aBcDEfgHIJKLMNO, aBcDEfgHIJKLMNO025"})
    void a_15_character_id_gets_the_published_checksum(String id15, String id18) {
        assertThat(SalesforceId.parse(id15)).contains(new SalesforceId(id18));
        assertThat(SalesforceId.parse(id18)).contains(new SalesforceId(id18));
        assertThat(new SalesforceId(id18).value15()).isEqualTo(id15);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "001M000000qfPySIAA",          // checksum of another id
            "001m000000qfPySIAU",          // case changed: the checksum no longer matches
            "001M000000qfPySIA",           // 17 characters
            "001M000000qfPySIAUX",         // 19 characters
            "001M000000qfPy",              // 14 characters
            "001M000000qfPy'",             // a quote in 15 characters
            "500Sb0000000001IAA' OR Id != '",
            "500Sb000000000-IAA",
            "500Sb0000000001IA ",
            "５００Sb0000000001IAA",         // full-width digits are not base 62
            ""})
    void text_that_is_not_an_id_never_parses(String text) {
        assertThat(SalesforceId.parse(text)).isEmpty();
    }

    @Test
    void null_is_not_an_id() {
        assertThat(SalesforceId.parse(null)).isEmpty();
    }

    @Test
    void the_key_prefix_can_be_required() {
        assertThat(SalesforceId.parse("500Sb0000000001IAA", "500")).isPresent();
        assertThat(SalesforceId.parse("001Sb0000000001IAA", "500")).isEmpty();
        assertThat(new SalesforceId("500Sb0000000001IAA").keyPrefix()).isEqualTo("500");
    }

    @Test
    void the_constructor_refuses_anything_but_a_checked_18_character_id() {
        assertThatThrownBy(() -> new SalesforceId("500Sb0000000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SalesforceId("500Sb0000000001AAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
