package dev.portal.sandbox.freebit;

import dev.portal.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freebit scenarios: add a day of SIM usage, move the simulated clock (completing asynchronous orders that fall
 * due), look at a line's state and its pending orders, expire every authKey. Errors are problem+json.
 */
@RestController
@RequestMapping("/sandbox/admin/freebit")
class FreebitAdminController {

    private final FreebitLines lines;
    private final FreebitClock clock;
    private final FreebitAuthKeys keys;
    private final FreebitSettings settings;
    private final FreebitActivations activations;

    FreebitAdminController(FreebitLines lines, FreebitTime time, FreebitAuthKeys keys, FreebitSettings settings,
                           FreebitActivations activations) {
        this.lines = lines;
        this.clock = time.clock();
        this.keys = keys;
        this.settings = settings;
        this.activations = activations;
    }

    /**
     * How new-line activations behave from now on (absent fields keep their value): {@code durationMs} until one
     * completes; {@code refuse} accounts (or {@code refuseAll}) whose activation Freebit refuses with {@code reason}.
     */
    record ActivationScenario(@Min(0) @Max(86_400_000) Long durationMs, List<@NotBlank String> refuse, Boolean refuseAll,
                              String reason) {
    }

    @PutMapping("/activations")
    Map<String, Object> activations(@Valid @RequestBody ActivationScenario scenario) {
        FreebitActivations.Behaviour now = activations.current();
        activations.set(new FreebitActivations.Behaviour(
                scenario.durationMs() == null ? now.duration() : Duration.ofMillis(scenario.durationMs()),
                scenario.refuse() == null ? now.refused() : java.util.Set.copyOf(scenario.refuse()),
                scenario.refuseAll() == null ? now.refuseAll() : scenario.refuseAll(),
                scenario.reason() == null || scenario.reason().isBlank() ? now.reason() : scenario.reason()));
        return activations();
    }

    @GetMapping("/activations")
    Map<String, Object> activations() {
        FreebitActivations.Behaviour now = activations.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("durationMs", now.duration().toMillis());
        body.put("refuse", now.refused().stream().sorted().toList());
        body.put("refuseAll", now.refuseAll());
        body.put("reason", now.reason());
        return body;
    }

    /** A day of usage on one line, in MB; {@code date} as YYYYMMDD or YYYY-MM-DD (default: today). */
    record UsageDay(@NotBlank String account, String date, @NotNull @Min(0) @Max(1_000_000) Long usedMb) {
    }

    record Advance(@NotNull @Min(0) @Max(525_600) Long minutes) {
    }

    record SetClock(@NotNull Instant now) {
    }

    @PostMapping("/usage")
    Map<String, Object> usage(@Valid @RequestBody UsageDay day) {
        LocalDate date = day.date() == null ? lines.today() : parseDate(day.date());
        try {
            lines.addUsage(day.account(), date, day.usedMb());
        } catch (FreebitError e) {
            throw ProblemException.notFound("unknown-account", e.getMessage());
        }
        return line(day.account());
    }

    @GetMapping("/clock")
    Map<String, Object> clock() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("today", lines.today().format(FreebitLines.YYYYMMDD));
        body.put("offsetMinutes", clock.offset().toMinutes());
        body.put("offsetMillis", clock.offset().toMillis());
        return body;
    }

    /** Moves the clock forward by {@code minutes}; answers the clock and the orders that completed. */
    @PostMapping("/clock/advance")
    Map<String, Object> advance(@Valid @RequestBody Advance advance) {
        List<FreebitLine.Done> completed = lines.advance(Duration.ofMinutes(advance.minutes()));
        Map<String, Object> body = clock();
        body.put("completed", completed.stream().map(FreebitAdminController::done).toList());
        return body;
    }

    /** Sets the clock to {@code now} (forward or back; orders due by then complete). */
    @PutMapping("/clock")
    Map<String, Object> set(@Valid @RequestBody SetClock set) {
        lines.setClock(set.now());
        return clock();
    }

    @GetMapping("/lines")
    List<Map<String, Object>> all() {
        return lines.accounts().stream().map(this::line).toList();
    }

    @GetMapping("/lines/{account}")
    Map<String, Object> line(@PathVariable String account) {
        LocalDate today = lines.today();
        try {
            return lines.read(account, line -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("account", line.account);
                body.put("state", line.cancelled ? "cancelled" : line.locked() ? "processing" : "active");
                body.put("locked", line.locked());
                body.put("productNumber", line.productNumber);
                body.put("simKind", line.esim ? "esim" : "sim");
                body.put("eid", line.eid);
                body.put("planCode", line.planCode);
                body.put("contractLine", line.contractLine);
                body.put("globalIp", line.globalIp);
                body.put("talkOption", Map.copyOf(line.talkOptions));
                body.put("remainingKb", line.remainingKb(today, clock.instant()));
                body.put("reportedUnit", settings.usageUnit().name());
                body.put("cancelDate", line.cancelDate == null ? null : line.cancelDate.toString());
                body.put("lastChangeAt", line.lastChangeAt == null ? null : line.lastChangeAt.toString());
                body.put("nextChangeAllowedAt", line.lastChangeAt == null ? null
                        : line.lastChangeAt.plus(settings.changeInterval()).toString());
                Map<String, Long> usage = new LinkedHashMap<>();
                line.usageKb.forEach((date, kb) -> usage.put(date.format(FreebitLines.YYYYMMDD), kb / 1024));
                body.put("usageMb", usage);
                body.put("pending", line.pending.stream().map(p -> {
                    Map<String, Object> order = new LinkedHashMap<>();
                    order.put("orderId", p.id());
                    order.put("order", p.order().wire);
                    order.put("requestedAt", p.requestedAt().toString());
                    order.put("dueAt", p.dueAt().toString());
                    order.put("locksLine", p.locks());
                    order.put("details", p.details());
                    return order;
                }).toList());
                body.put("completed", line.done.stream().map(FreebitAdminController::done).toList());
                return body;
            });
        } catch (FreebitError e) {
            throw ProblemException.notFound("unknown-account", e.getMessage());
        }
    }

    /** Every issued authKey stops working (clients must call authOem again). */
    @PostMapping("/auth-keys/expire")
    Map<String, Integer> expireKeys() {
        return Map.of("expired", keys.expireAll());
    }

    private static Map<String, Object> done(FreebitLine.Done done) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", done.id());
        order.put("order", done.order().wire);
        order.put("requestedAt", done.requestedAt().toString());
        order.put("doneAt", done.doneAt().toString());
        order.put("details", done.details());
        return order;
    }

    private static LocalDate parseDate(String text) {
        try {
            return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, FreebitLines.YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be YYYYMMDD or YYYY-MM-DD, was " + text);
        }
    }
}
