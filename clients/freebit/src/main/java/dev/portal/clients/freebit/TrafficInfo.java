package dev.portal.clients.freebit;

import java.time.LocalDate;
import java.util.List;

/** PA05-01 for one line, in kilobytes: remaining quota, today's usage, recent days newest first. */
public record TrafficInfo(String account, long remainingKb, long todayUsageKb, List<DailyUsage> days) {

    public record DailyUsage(LocalDate date, long usedKb) {
    }
}
