package dev.portal.platform.saga.testing;

import dev.portal.platform.saga.Direction;
import dev.portal.platform.saga.SagaStep;
import dev.portal.platform.saga.SagaSteps;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;

/** {@link SagaSteps} in a map, with the table's one line per step and direction, for tests without a database. */
public final class InMemorySagaSteps implements SagaSteps {

    private final Map<UUID, SagaStep> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized SagaStep save(SagaStep step) {
        boolean duplicate = rows.values().stream().anyMatch(other -> !other.id().equals(step.id())
                && other.instanceId().equals(step.instanceId()) && other.step().equals(step.step())
                && other.direction() == step.direction());
        if (duplicate) {
            throw new DataIntegrityViolationException("saga_steps unique (instance_id, step, direction): " + step);
        }
        rows.put(step.id(), step);
        return step;
    }

    @Override
    public Optional<SagaStep> findByInstanceIdAndStepAndDirection(UUID instanceId, String step, Direction direction) {
        return rows.values().stream().filter(s -> s.instanceId().equals(instanceId) && s.step().equals(step)
                && s.direction() == direction).findFirst();
    }

    @Override
    public List<SagaStep> findByInstanceIdOrderByOrdinal(UUID instanceId) {
        return rows.values().stream().filter(s -> s.instanceId().equals(instanceId))
                .sorted(Comparator.comparingInt(SagaStep::ordinal)).toList();
    }

    @Override
    public long countByInstanceId(UUID instanceId) {
        return rows.values().stream().filter(s -> s.instanceId().equals(instanceId)).count();
    }

    void deleteInstance(UUID instanceId) {
        rows.values().removeIf(s -> s.instanceId().equals(instanceId));
    }
}
