package dev.portal.sim.records;

import dev.portal.sim.config.SimProperties;
import dev.portal.sim.sims.CallerSim;
import dev.portal.sim.sims.CallerSims;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's call and SMS records of one SIM, as imported from the carrier's files: daily totals and pages of
 * records. Days are Japan days ({@code portal.sim.time-zone}); {@code from} and {@code to} are both included and
 * default to the last 30 days.
 */
@RestController
@Validated
@RequestMapping("/api/sims/{simId}")
class RecordsController {

    /** The longest period one request may ask for. */
    static final int MAX_DAYS = 366;

    private final CallerSims sims;
    private final RecordQueries queries;
    private final Clock clock;
    private final ZoneId zone;

    RecordsController(CallerSims sims, RecordQueries queries, Clock clock, SimProperties properties) {
        this.sims = sims;
        this.queries = queries;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    record Usage(long simId, LocalDate from, LocalDate to, List<RecordQueries.Day> days) {
    }

    record Page(long simId, LocalDate from, LocalDate to, String type, int page, int size, long total,
                List<RecordQueries.Row> records) {
    }

    @GetMapping("/usage")
    Usage usage(@PathVariable long simId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CallerSim sim = sims.get(simId);
        Period period = Period.of(from, to, LocalDate.now(clock));
        return new Usage(sim.id(), period.from(), period.to(), queries.usage(sim.msisdn(), period.from(), period.to(), zone));
    }

    @GetMapping("/records")
    Page records(@PathVariable long simId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) @Pattern(regexp = "call|sms", message = "is call or sms") String type,
                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        CallerSim sim = sims.get(simId);
        Period period = Period.of(from, to, LocalDate.now(clock));
        return new Page(sim.id(), period.from(), period.to(), type, page, size,
                queries.count(sim.msisdn(), period.from(), period.to(), zone, type),
                queries.records(sim.msisdn(), period.from(), period.to(), zone, type, page * size, size));
    }

    /** A period of days, both ends included. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(LocalDate from, LocalDate to, LocalDate today) {
            LocalDate end = to != null ? to : today;
            LocalDate start = from != null ? from : end.minusDays(29);
            if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
                throw new PeriodInvalid(start, end, MAX_DAYS);
            }
            return new Period(start, end);
        }
    }
}
