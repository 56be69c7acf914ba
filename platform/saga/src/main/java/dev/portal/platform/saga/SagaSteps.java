package dev.portal.platform.saga;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The step log of this service's saga instances ({@code saga_steps}). */
public interface SagaSteps extends Repository<SagaStep, UUID> {

    SagaStep save(SagaStep step);

    Optional<SagaStep> findByInstanceIdAndStepAndDirection(UUID instanceId, String step, Direction direction);

    /** An instance's log in the order it was written. */
    List<SagaStep> findByInstanceIdOrderByOrdinal(UUID instanceId);

    long countByInstanceId(UUID instanceId);
}
