package dev.portal.sandbox.fault;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults currently injected, per system. The HTTP filter consults it for every vendor request; the SFTP
 * and SMTP servers consult it for their sessions.
 */
@Component
public class Faults {

    private record Active(Fault fault, AtomicInteger remaining) {
    }

    /** What to do to one request: wait {@code latencyMs}, then fail it as {@code failure} (or serve it if null). */
    public record Decision(int latencyMs, Fault.Failure failure, int status, int hangMs) {
    }

    private final Map<String, Active> active = new ConcurrentHashMap<>();

    public void inject(String system, Fault fault) {
        active.put(system, new Active(fault, fault.remaining() == null ? null : new AtomicInteger(fault.remaining())));
    }

    public void clear(String system) {
        active.remove(system);
    }

    public void clearAll() {
        active.clear();
    }

    public Map<String, Fault> current() {
        Map<String, Fault> view = new TreeMap<>();
        active.forEach((system, a) -> view.put(system, a.remaining() == null ? a.fault()
                : new Fault(a.fault().latencyMs(), a.fault().latencyMaxMs(), a.fault().failure(), a.fault().status(), a.fault().rate(),
                        Math.max(a.remaining().get(), 0), a.fault().hangMs())));
        return view;
    }

    /** Whether, and how, the next request to {@code system} is affected. Counts it against {@code remaining}. */
    public Optional<Decision> next(String system) {
        Active a = active.get(system);
        if (a == null) {
            return Optional.empty();
        }
        Fault fault = a.fault();
        if (fault.effectiveRate() < 1.0 && ThreadLocalRandom.current().nextDouble() >= fault.effectiveRate()) {
            return Optional.empty();
        }
        if (a.remaining() != null) {
            int left = a.remaining().getAndDecrement();
            if (left <= 0) {
                active.remove(system, a);
                return Optional.empty();
            }
            if (left == 1) {
                active.remove(system, a);
            }
        }
        return Optional.of(new Decision(fault.latencyFor(ThreadLocalRandom.current().nextDouble()), fault.failure(),
                fault.effectiveStatus(), fault.effectiveHangMs()));
    }
}
