package dev.portal.sim.freebit;

import java.time.LocalDate;
import java.util.List;

/** A line's data traffic as Freebit reports it, in kilobytes: remaining quota, today, recent days newest first. */
public record Traffic(long remainingKb, long todayKb, List<Day> days) {

    public record Day(LocalDate date, long usedKb) {
    }
}
