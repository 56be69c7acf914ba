package dev.portal.sim.operations;

import dev.portal.platform.errors.RuleViolation;
import java.time.LocalDate;
import java.util.Map;

/** The day asked for is outside what the operation allows (in the past, too far ahead, or too soon for a cancellation). */
public class DateOutOfRange extends RuleViolation {

    DateOutOfRange(LocalDate date, LocalDate earliest, LocalDate latest) {
        super("date-out-of-range", "Date out of range", "The date " + date + " must be from " + earliest + " to " + latest + ".",
                Map.of("earliest", earliest.toString(), "latest", latest.toString()));
    }
}
