package dev.portal.sim.sims;

import dev.portal.sim.freebit.Line;
import dev.portal.sim.freebit.Traffic;
import dev.portal.sim.whmcs.SimSubscription;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the SIM endpoints answer: WHMCS's service joined with Freebit's line, quantities in megabytes. */
final class SimViews {

    private SimViews() {
    }

    /** One SIM in the list; {@code line} is null when Freebit could not be asked just now. */
    record SimSummary(long id, String msisdn, String product, String status, LineView line) {
    }

    record SimDetail(long id, String msisdn, String product, String status, LineView line, UsageView usage) {
    }

    /**
     * @param simType  {@code physical} or {@code esim}
     * @param state    Freebit's state: {@code active}, {@code processing} or {@code cancelled}
     */
    record LineView(String planCode, String networkType, String simType, String eid, String productNumber, boolean voice,
                    Map<String, Boolean> voiceOptions, String state, LocalDate startDate, LocalDate cancelDate,
                    List<PendingView> pendingOrders) {
    }

    record PendingView(String kind, LocalDate effectiveDate) {
    }

    record UsageView(BigDecimal remainingMb, BigDecimal todayMb, BigDecimal thisMonthMb, List<DayView> days) {
    }

    record DayView(LocalDate date, BigDecimal usedMb) {
    }

    static SimSummary summary(SimSubscription sim, Line line) {
        return new SimSummary(sim.id(), sim.msisdn(), sim.product(), sim.status(), line == null ? null : line(line));
    }

    static SimDetail detail(SimSubscription sim, Line line, Traffic traffic, LocalDate today) {
        long month = traffic.days().stream()
                .filter(d -> d.date().getYear() == today.getYear() && d.date().getMonth() == today.getMonth() && !d.date().equals(today))
                .mapToLong(Traffic.Day::usedKb).sum() + traffic.todayKb();
        UsageView usage = new UsageView(mb(traffic.remainingKb()), mb(traffic.todayKb()), mb(month),
                traffic.days().stream().map(d -> new DayView(d.date(), mb(d.usedKb()))).toList());
        return new SimDetail(sim.id(), sim.msisdn(), sim.product(), sim.status(), line(line), usage);
    }

    private static LineView line(Line line) {
        return new LineView(line.planCode(), line.networkType(), line.esim() ? "esim" : "physical", line.eid(),
                line.productNumber(), line.voice(), line.voiceOptions(), line.state(), line.startDate(), line.cancelDate(),
                line.pendingOrders().stream().map(o -> new PendingView(o.kind(), o.runDate())).toList());
    }

    static BigDecimal mb(long kb) {
        return BigDecimal.valueOf(kb).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
    }
}
