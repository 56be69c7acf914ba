package dev.portal.sim.records;

import dev.portal.platform.errors.InvalidInput;
import java.time.LocalDate;
import java.util.Map;

/** {@code from} after {@code to}, or a period longer than one request may ask for. */
public class PeriodInvalid extends InvalidInput {

    PeriodInvalid(LocalDate from, LocalDate to, int maxDays) {
        super("period-invalid", "Period invalid", "The period " + from + " to " + to + " must not end before it starts and span at most "
                + maxDays + " days.", Map.of());
    }
}
