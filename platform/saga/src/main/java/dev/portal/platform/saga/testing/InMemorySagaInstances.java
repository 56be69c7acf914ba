package dev.portal.platform.saga.testing;

import dev.portal.platform.saga.SagaInstance;
import dev.portal.platform.saga.SagaInstances;
import dev.portal.platform.saga.SagaStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;

/** {@link SagaInstances} in a map, with the table's unique business key, for tests without a database. */
public final class InMemorySagaInstances implements SagaInstances {

    private final Map<UUID, SagaInstance> rows = new ConcurrentHashMap<>();
    private final InMemorySagaSteps steps;

    public InMemorySagaInstances(InMemorySagaSteps steps) {
        this.steps = steps;
    }

    @Override
    public synchronized SagaInstance save(SagaInstance instance) {
        boolean taken = instance.status() != SagaStatus.COMPENSATED && rows.values().stream().anyMatch(other ->
                !other.id().equals(instance.id()) && other.status() != SagaStatus.COMPENSATED
                        && other.sagaName().equals(instance.sagaName()) && other.businessKey().equals(instance.businessKey()));
        if (taken) {
            throw new DataIntegrityViolationException("saga_instances_business_key_idx: " + instance.sagaName() + " "
                    + instance.businessKey());
        }
        rows.put(instance.id(), instance);
        return instance;
    }

    @Override
    public Optional<SagaInstance> findById(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<SagaInstance> findHolder(String saga, String businessKey) {
        return rows.values().stream().filter(i -> i.sagaName().equals(saga) && i.businessKey().equals(businessKey)
                && i.status() != SagaStatus.COMPENSATED).findFirst();
    }

    @Override
    public List<SagaInstance> findBySagaNameAndBusinessKeyOrderByCreatedAtDesc(String saga, String businessKey) {
        return rows.values().stream().filter(i -> i.sagaName().equals(saga) && i.businessKey().equals(businessKey))
                .sorted(Comparator.comparing(SagaInstance::createdAt).reversed()).toList();
    }

    @Override
    public List<SagaInstance> lockDue(Instant now, int limit) {
        return rows.values().stream()
                .filter(i -> i.status().isActive() && i.nextAttemptAt() != null && !i.nextAttemptAt().isAfter(now)
                        && (i.leaseUntil() == null || !i.leaseUntil().isAfter(now)))
                .sorted(Comparator.comparing(SagaInstance::nextAttemptAt)).limit(limit).toList();
    }

    @Override
    public List<StatusCount> countUnfinished() {
        Map<List<Object>, Long> counts = rows.values().stream()
                .filter(i -> i.status() != SagaStatus.COMPLETED && i.status() != SagaStatus.COMPENSATED)
                .collect(Collectors.groupingBy(i -> List.of(i.sagaName(), i.status()), Collectors.counting()));
        return counts.entrySet().stream().<StatusCount>map(e -> new Count((String) e.getKey().get(0),
                (SagaStatus) e.getKey().get(1), e.getValue())).toList();
    }

    @Override
    public List<StepCount> countOnSteps(Collection<SagaStatus> statuses) {
        Map<List<String>, Long> counts = rows.values().stream()
                .filter(i -> statuses.contains(i.status()) && i.currentStep() != null)
                .collect(Collectors.groupingBy(i -> List.of(i.sagaName(), i.currentStep()), Collectors.counting()));
        return counts.entrySet().stream().<StepCount>map(e -> new OnStep(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    @Override
    public List<SagaInstance> findStuck(Collection<SagaStatus> statuses, Instant before, Limit limit) {
        return rows.values().stream()
                .filter(i -> statuses.contains(i.status()) && i.waitingFor() == null && i.progressedAt().isBefore(before))
                .sorted(Comparator.comparing(SagaInstance::progressedAt)).limit(limit.max()).toList();
    }

    @Override
    public List<SagaInstance> findByStatuses(Collection<SagaStatus> statuses, Limit limit) {
        return rows.values().stream().filter(i -> statuses.contains(i.status()))
                .sorted(Comparator.comparing(SagaInstance::updatedAt).reversed()).limit(limit.max()).toList();
    }

    @Override
    public synchronized int deleteFinishedBefore(Instant before) {
        List<UUID> gone = rows.values().stream().filter(i -> i.finishedAt() != null && i.finishedAt().isBefore(before)
                && (i.status() == SagaStatus.COMPLETED || i.status() == SagaStatus.COMPENSATED)).map(SagaInstance::id).toList();
        gone.forEach(id -> {
            rows.remove(id);
            steps.deleteInstance(id);
        });
        return gone.size();
    }

    public List<SagaInstance> all() {
        return List.copyOf(rows.values());
    }

    private record OnStep(String saga, String step, long count) implements StepCount {

        @Override
        public String getSaga() {
            return saga;
        }

        @Override
        public String getStep() {
            return step;
        }

        @Override
        public long getCount() {
            return count;
        }
    }

    private record Count(String saga, SagaStatus status, long count) implements StatusCount {

        Count {
            Objects.requireNonNull(saga);
        }

        @Override
        public String getSaga() {
            return saga;
        }

        @Override
        public SagaStatus getStatus() {
            return status;
        }

        @Override
        public long getCount() {
            return count;
        }
    }
}
