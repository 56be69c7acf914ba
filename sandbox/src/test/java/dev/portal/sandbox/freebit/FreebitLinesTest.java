package dev.portal.sandbox.freebit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's rules on a fixed clock: effective dates, the 30-minute interval, locks, quota arithmetic. */
class FreebitLinesTest {

    private static final String HANAKO = "09012345678";
    /** 2026-12-15 10:00 in Tokyo. */
    private static final Instant MID_DECEMBER = Instant.parse("2026-12-15T01:00:00Z");

    private final FreebitClock clock = new FreebitClock(Clock.fixed(MID_DECEMBER, ZoneOffset.UTC));
    private final FreebitLines lines = new FreebitLines(
            new FreebitSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), clock);

    @Test
    void plan_change_without_runTime_in_december_takes_effect_on_january_first() {
        LocalDate effective = lines.changePlan(HANAKO, "VOICE_20GB", "20", null);

        assertThat(effective).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void reserved_plan_change_applies_at_midnight_tokyo_of_its_day() {
        lines.changePlan(HANAKO, "VOICE_20GB", "20", null);
        lines.setClock(Instant.parse("2026-12-31T14:59:59Z"));
        assertThat(lines.<String>read(HANAKO, line -> line.planCode)).isEqualTo("VOICE_10GB");

        lines.setClock(Instant.parse("2026-12-31T15:00:00Z"));

        assertThat(lines.<String>read(HANAKO, line -> line.planCode)).isEqualTo("VOICE_20GB");
    }

    @Test
    void a_change_one_second_before_the_interval_ends_is_refused_and_at_the_end_accepted() {
        lines.changePlan(HANAKO, "VOICE_20GB", "20", null);
        lines.advance(Duration.ofMinutes(30).minusSeconds(1));

        assertThatThrownBy(() -> lines.changeContractLine(HANAKO, "5G", null))
                .isInstanceOfSatisfying(FreebitError.class, e -> assertThat(e.resultCode()).isEqualTo(FreebitError.INTERVAL_NOT_ELAPSED));

        lines.advance(Duration.ofSeconds(1));
        lines.changeContractLine(HANAKO, "5G", null);
        assertThat(lines.<Boolean>read(HANAKO, FreebitLine::locked)).isTrue();
    }

    @Test
    void advancing_the_clock_reports_the_orders_it_completed() {
        lines.changeContractLine(HANAKO, "5G", null);

        assertThat(lines.advance(Duration.ofMinutes(29))).isEmpty();
        assertThat(lines.advance(Duration.ofMinutes(1))).singleElement()
                .satisfies(done -> assertThat(done.order()).isEqualTo(FreebitLine.Order.CONTRACT_LINE));
    }

    @Test
    void usage_beyond_the_remaining_quota_reports_zero_and_a_top_up_counts_from_there() {
        lines.addUsage(HANAKO, LocalDate.of(2026, 12, 15), 7_000);
        assertThat(remainingKb()).isZero();

        lines.addQuota(HANAKO, 1_000, null, null, null);

        assertThat(remainingKb()).as("6240 - 7000 + 1000 MB").isEqualTo(240L * 1024);
    }

    @Test
    void quota_stops_counting_after_its_expiry_day() {
        lines.addQuota(HANAKO, 1_000, "Q", LocalDate.of(2026, 12, 16), null);
        lines.setClock(Instant.parse("2026-12-16T14:59:00Z"));
        assertThat(remainingKb()).isEqualTo((6_240L + 1_000) * 1024);

        lines.setClock(Instant.parse("2026-12-16T15:00:00Z"));

        assertThat(remainingKb()).isEqualTo(6_240L * 1024);
    }

    @Test
    void reset_restores_the_seed_and_the_real_clock() {
        lines.changeContractLine(HANAKO, "5G", null);
        lines.advance(Duration.ofHours(2));

        lines.reset();

        assertThat(clock.instant()).isEqualTo(MID_DECEMBER);
        assertThat(lines.<String>read(HANAKO, line -> line.contractLine)).isEqualTo("4G");
        assertThat(lines.<Boolean>read(HANAKO, line -> line.lastChangeAt == null)).isTrue();
    }

    private long remainingKb() {
        return lines.read(HANAKO, line -> line.remainingKb(lines.today(), lines.clockInstant()));
    }
}
