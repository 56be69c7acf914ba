package dev.portal.clients.whmcs;

import dev.portal.clients.support.LenientJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WHMCS's loose dates and flags. */
class WhmcsValuesTest {

    record Dates(@JsonDeserialize(using = WhmcsValues.Day.class) LocalDate day,
                 @JsonDeserialize(using = WhmcsValues.Moment.class) LocalDateTime moment,
                 @JsonDeserialize(using = WhmcsValues.Flag.class) Boolean flag) {
    }

    private static Dates read(String json) {
        return LenientJson.mapper().readValue(json, Dates.class);
    }

    @Test
    void zeroAndEmptyDatesAreNoDate() {
        assertThat(read("{\"day\":\"0000-00-00\",\"moment\":\"0000-00-00 00:00:00\"}")).isEqualTo(new Dates(null, null, false));
        assertThat(read("{\"day\":\"\",\"moment\":\"\"}")).as("an absent flag is false").isEqualTo(new Dates(null, null, false));
    }

    @Test
    void datesAndDateTimesAreReadEitherWay() {
        Dates dates = read("{\"day\":\"2016-01-08 10:00:00\",\"moment\":\"2016-01-08\"}");

        assertThat(dates.day()).isEqualTo(LocalDate.of(2016, 1, 8));
        assertThat(dates.moment()).isEqualTo(LocalDateTime.of(2016, 1, 8, 0, 0));
    }

    @Test
    void flagsAcceptBooleansNumbersAndStrings() {
        assertThat(read("{\"flag\":true}").flag()).isTrue();
        assertThat(read("{\"flag\":1}").flag()).isTrue();
        assertThat(read("{\"flag\":\"1\"}").flag()).isTrue();
        assertThat(read("{\"flag\":\"\"}").flag()).isFalse();
        assertThat(read("{\"flag\":0}").flag()).isFalse();
    }

    @Test
    void nonDatesAreRefused() {
        assertThatThrownBy(() -> read("{\"day\":\"soon\"}")).hasMessageContaining("soon");
        assertThatThrownBy(() -> read("{\"day\":{\"y\":2016}}")).hasMessageContaining("WHMCS");
    }
}
