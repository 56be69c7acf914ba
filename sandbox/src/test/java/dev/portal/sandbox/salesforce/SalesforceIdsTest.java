package dev.portal.sandbox.salesforce;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "a0RE000000IJmcN, a0RE000000IJmcNMAT",
            "001M000000qfPyS, 001M000000qfPySIAU",
            "a01M00000062mPg, a01M00000062mPgIAI",
            "0F9E000000092w2, 0F9E000000092w2KAA",
            "aaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaAAA",
            "AbCdEfGhIjKlMnO, AbCdEfGhIjKlMnOVKV",
            "aBcDEfgHIJKLMNO, aBcDEfgHIJKLMNO025"})
    void checksumMatchesPublishedVectors(String id15, String id18) {
        assertThat(SalesforceIds.to18(id15)).isEqualTo(id18);
        assertThat(SalesforceIds.valid18(id18)).isTrue();
        assertThat(SalesforceIds.normalize(id15)).isEqualTo(id18);
    }

    @Test
    void newIdsCarryPrefixAndValidChecksum() {
        String id = SalesforceIds.next("801");
        assertThat(id).hasSize(18).startsWith("801");
        assertThat(SalesforceIds.valid18(id)).as(id).isTrue();
        assertThat(SalesforceIds.next("801")).isNotEqualTo(id);
    }

    @Test
    void brokenChecksumIsNotAnId() {
        assertThat(SalesforceIds.valid18("001M000000qfPySAAA")).isFalse();
        assertThat(SalesforceIds.normalize("not-an-id")).isNull();
    }
}
