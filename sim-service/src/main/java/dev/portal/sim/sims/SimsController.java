package dev.portal.sim.sims;

import dev.portal.clients.support.ExternalSystemException;
import dev.portal.sim.freebit.FreebitLines;
import dev.portal.sim.freebit.Line;
import dev.portal.sim.whmcs.SimSubscription;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's SIM services: WHMCS's services of the SIM product group, each joined with its line at Freebit. */
@RestController
@RequestMapping("/api/sims")
class SimsController {

    private static final Logger log = LoggerFactory.getLogger(SimsController.class);

    private final CallerSims sims;
    private final FreebitLines lines;
    private final Clock clock;

    SimsController(CallerSims sims, FreebitLines lines, Clock clock) {
        this.sims = sims;
        this.lines = lines;
        this.clock = clock;
    }

    /** Every SIM of the caller; a line Freebit cannot report just now is listed without its line data. */
    @GetMapping
    List<SimViews.SimSummary> list() {
        List<SimViews.SimSummary> answer = new ArrayList<>();
        for (SimSubscription sim : sims.all()) {
            Line line = null;
            try {
                line = lines.line(sim.msisdn());
            } catch (ExternalSystemException e) {
                log.warn("SIM {}: line data unavailable ({})", sim.id(), e.toString());
            }
            answer.add(SimViews.summary(sim, line));
        }
        return answer;
    }

    /** One SIM with its line and current usage (remaining quota, today, this month, recent days). */
    @GetMapping("/{simId}")
    SimViews.SimDetail detail(@PathVariable long simId) {
        CallerSim sim = sims.get(simId);
        return SimViews.detail(sim.sim(), lines.line(sim.msisdn()), lines.traffic(sim.msisdn()), LocalDate.now(clock));
    }
}
