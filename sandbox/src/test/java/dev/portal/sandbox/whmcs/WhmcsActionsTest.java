package dev.portal.sandbox.whmcs;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time-dependent rules of the WHMCS simulator, on a clock the test moves. */
class WhmcsActionsTest {

    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }
    }

    private final MovableClock clock = new MovableClock(new AtomicReference<>(Instant.parse("2026-03-15T03:00:00Z")), ZoneId.of("UTC"));
    private final WhmcsSettings settings = new WhmcsSettings(null, null, null, null, null, null, null, null, null, null, null);
    private final WhmcsState state = new WhmcsState(settings, clock);
    private final WhmcsActions actions = new WhmcsActions(state);

    private Map<String, Object> run(String action, String... pairs) {
        Map<String, String[]> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], new String[]{pairs[i + 1]});
        }
        return actions.run(action, new WhmcsParams(form), "http://whmcs.test/whmcs");
    }

    private String token() {
        return (String) run("CreateSsoToken", "client_id", "1").get("access_token");
    }

    @Test
    void ssoTokenIsValidForSixtySeconds() {
        String fresh = token();
        String stale = token();

        clock.advance(Duration.ofSeconds(60));
        assertThat(actions.redeem(fresh)).as("at 60 s").isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(actions.redeem(stale)).as("at 61 s").isEmpty();
    }

    @Test
    void ssoTokenIsSingleUse() {
        String token = token();

        assertThat(actions.redeem(token)).hasValueSatisfying(sso -> assertThat(sso.redirectPath()).isEqualTo("clientarea.php"));
        assertThat(actions.redeem(token)).isEmpty();
    }

    @Test
    void invoiceBecomesOverdueTheDayAfterItsDueDate() {
        Map<String, Object> created = run("AddOrder", "clientid", "2", "paymentmethod", "stripe", "pid[0]", "20");
        String invoiceId = (String) created.get("invoiceid");
        assertThat(overdueIds()).as("due today").doesNotContain(Long.parseLong(invoiceId));

        clock.advance(Duration.ofDays(1));

        assertThat(overdueIds()).as("due yesterday").contains(Long.parseLong(invoiceId));
    }

    @Test
    void unknownActionIsCommandNotFound() {
        assertThatThrownBy(() -> run("DeleteEverything")).isInstanceOf(WhmcsActions.Failure.class).hasMessage("Command Not Found");
    }

    @SuppressWarnings("unchecked")
    private List<Long> overdueIds() {
        Object invoices = run("GetInvoices", "status", "Overdue").get("invoices");
        if (!(invoices instanceof Map<?, ?> wrapper)) {
            return List.of();
        }
        return ((List<Map<String, Object>>) wrapper.get("invoice")).stream().map(i -> (Long) i.get("id")).toList();
    }
}
