package dev.portal.platform.saga;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;

/**
 * Counts what people should look at, on every replica: instances by saga and status ({@code portal.saga.instances})
 * and stuck ones ({@code portal.saga.stuck}: active, not waiting for a signal, no progress for
 * {@code portal.saga.stuck-after}). The counts are refreshed every {@code portal.saga.monitor-interval}; the
 * {@code sagas} health contributor shows them with the oldest stuck instances.
 */
public class SagaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SagaMonitor.class);
    private static final int SHOWN = 10;

    /**
     * The counts of one refresh.
     *
     * @param onStep unfinished instances (active or parked) by saga and the step they stand on
     */
    public record Counts(Instant at, Map<String, Map<SagaStatus, Long>> byStatus, Map<String, Map<String, Long>> onStep,
                         Map<String, Long> stuck, List<UUID> oldestStuck) {

        static final Counts NONE = new Counts(null, Map.of(), Map.of(), Map.of(), List.of());

        /** Unfinished instances of {@code saga} (active or parked) standing on {@code step}. */
        public long onStep(String saga, String step) {
            return onStep.getOrDefault(saga, Map.of()).getOrDefault(step, 0L);
        }

        public long total(SagaStatus status) {
            return byStatus.values().stream().mapToLong(counts -> counts.getOrDefault(status, 0L)).sum();
        }

        public long totalStuck() {
            return stuck.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final SagaInstances instances;
    private final SagaTransactions transactions;
    private final Sagas sagas;
    private final SagaProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private volatile Counts counts = Counts.NONE;

    public SagaMonitor(SagaInstances instances, SagaTransactions transactions, Sagas sagas, SagaProperties properties,
                       Clock clock, MeterRegistry meters) {
        this.instances = instances;
        this.transactions = transactions;
        this.sagas = sagas;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Reads the counts now (the scheduler does this every interval). */
    public Counts refresh() {
        Instant now = clock.instant();
        Counts fresh = transactions.inTransaction(() -> {
            Map<String, Map<SagaStatus, Long>> byStatus = new ConcurrentHashMap<>();
            for (SagaInstances.StatusCount row : instances.countUnfinished()) {
                byStatus.computeIfAbsent(row.getSaga(), saga -> new ConcurrentHashMap<>()).put(row.getStatus(), row.getCount());
            }
            Map<String, Map<String, Long>> onStep = new ConcurrentHashMap<>();
            for (SagaInstances.StepCount row : instances.countOnSteps(List.of(SagaStatus.RUNNING, SagaStatus.WAITING,
                    SagaStatus.COMPENSATING, SagaStatus.PARKED))) {
                onStep.computeIfAbsent(row.getSaga(), saga -> new ConcurrentHashMap<>()).put(row.getStep(), row.getCount());
            }
            List<SagaInstance> stuck = instances.findStuck(SagaStatus.ACTIVE, now.minus(properties.stuckAfter()), Limit.of(1000));
            Map<String, Long> stuckBySaga = new ConcurrentHashMap<>();
            stuck.forEach(instance -> stuckBySaga.merge(instance.sagaName(), 1L, Long::sum));
            return new Counts(now, byStatus, onStep, stuckBySaga, stuck.stream().limit(SHOWN).map(SagaInstance::id).toList());
        });
        Set<String> names = new java.util.HashSet<>(fresh.byStatus().keySet());
        sagas.definitions().forEach(definition -> names.add(definition.name()));
        for (String saga : names) {
            for (SagaStatus status : List.of(SagaStatus.RUNNING, SagaStatus.WAITING, SagaStatus.COMPENSATING, SagaStatus.PARKED,
                    SagaStatus.FAILED)) {
                gauge("portal.saga.instances", saga, status).set(fresh.byStatus().getOrDefault(saga, Map.of()).getOrDefault(status, 0L));
            }
            gauge("portal.saga.stuck", saga, null).set(fresh.stuck().getOrDefault(saga, 0L));
        }
        counts = fresh;
        return fresh;
    }

    public Counts counts() {
        return counts;
    }

    private AtomicLong gauge(String name, String saga, SagaStatus status) {
        String key = name + "|" + saga + "|" + status;
        return gauges.computeIfAbsent(key, ignored -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::get).tag("saga", saga);
            if (status != null) {
                builder.tag("status", status.name().toLowerCase(Locale.ROOT))
                        .description("saga instances by status (finished ones are not counted)");
            } else {
                builder.description("active saga instances without progress for portal.saga.stuck-after");
            }
            builder.register(meters);
            return value;
        });
    }

    /** The periodic refresh: a warning while any instance is stuck. */
    void refreshAndWarn() {
        Counts fresh = refresh();
        if (fresh.totalStuck() > 0) {
            log.warn("{} saga instance(s) without progress for {}: {}", fresh.totalStuck(), properties.stuckAfter(),
                    fresh.oldestStuck());
        }
    }
}
