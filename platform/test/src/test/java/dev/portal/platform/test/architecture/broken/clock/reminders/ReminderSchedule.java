package dev.portal.platform.test.architecture.broken.clock.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/** Reads the system clock in every way the rule forbids outside config. */
public class ReminderSchedule {

    public Instant next() {
        return Instant.now().plusSeconds(60);
    }

    public LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    public Clock clock() {
        return Clock.systemUTC();
    }

    public Supplier<Instant> source() {
        return Instant::now;
    }
}
