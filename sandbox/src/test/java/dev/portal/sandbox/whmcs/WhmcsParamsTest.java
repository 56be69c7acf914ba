package dev.portal.sandbox.whmcs;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Form fields read the way PHP reads them. */
class WhmcsParamsTest {

    private static WhmcsParams params(String... pairs) {
        Map<String, String[]> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], new String[]{pairs[i + 1]});
        }
        return new WhmcsParams(form);
    }

    @Test
    void indexedArraysKeepTheirPositions() {
        WhmcsParams p = params("pid[1]", "13", "pid[0]", "1", "domain[1]", "08099998888");

        assertThat(p.list("pid")).containsExactly("1", "13");
        assertThat(p.list("domain")).containsExactly("", "08099998888");
        assertThat(WhmcsParams.at(p.list("domain"), 0)).isNull();
    }

    @Test
    void appendedAndPlainValuesAreLists() {
        assertThat(params("pid[]", "20").list("pid")).containsExactly("20");
        assertThat(params("pid", "20").list("pid")).containsExactly("20");
        assertThat(params("pidx[0]", "20").list("pid")).isEmpty();
    }

    @Test
    void keyedArraysAreMaps() {
        assertThat(params("email_preferences[invoice]", "0", "email_preferences[general]", "1").map("email_preferences"))
                .containsExactly(Map.entry("invoice", "0"), Map.entry("general", "1"));
    }

    @Test
    void blanksAreAbsentAndFlagsFollowPhp() {
        WhmcsParams p = params("email", "  ", "stats", "true", "noinvoice", "1", "noemail", "0", "clientid", "abc");

        assertThat(p.get("email")).isNull();
        assertThat(p.flag("stats")).isTrue();
        assertThat(p.flag("noinvoice")).isTrue();
        assertThat(p.flag("noemail")).isFalse();
        assertThat(p.id("clientid")).as("not a number matches nothing").isEqualTo(-1L);
    }
}
