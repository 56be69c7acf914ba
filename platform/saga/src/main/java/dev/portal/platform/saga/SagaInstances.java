package dev.portal.platform.saga;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The saga instances of this service's database ({@code saga_instances}). */
public interface SagaInstances extends Repository<SagaInstance, UUID> {

    SagaInstance save(SagaInstance instance);

    Optional<SagaInstance> findById(UUID id);

    /** The instance that holds the business key: any but a compensated one (a compensated run frees its key). */
    @Query("select i from SagaInstance i where i.sagaName = :saga and i.businessKey = :key"
            + " and i.status <> dev.portal.platform.saga.SagaStatus.COMPENSATED")
    Optional<SagaInstance> findHolder(@Param("saga") String saga, @Param("key") String businessKey);

    /** Every run of a business key, newest first (compensated runs included). */
    List<SagaInstance> findBySagaNameAndBusinessKeyOrderByCreatedAtDesc(String saga, String businessKey);

    /**
     * Locks up to {@code limit} due instances for the caller's transaction, skipping those another transaction
     * holds: retries whose time has come, signals or deadlines that woke a waiting step, expired leases.
     */
    @Query(value = "select * from saga_instances where status in ('RUNNING', 'WAITING', 'COMPENSATING')"
            + " and next_attempt_at <= :now and (lease_until is null or lease_until <= :now)"
            + " order by next_attempt_at limit :limit for update skip locked", nativeQuery = true)
    List<SagaInstance> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    /** How many instances of each saga stand in each unfinished status (parked and failed included). */
    @Query("select i.sagaName as saga, i.status as status, count(i) as count from SagaInstance i"
            + " where i.status not in (dev.portal.platform.saga.SagaStatus.COMPLETED, dev.portal.platform.saga.SagaStatus.COMPENSATED)"
            + " group by i.sagaName, i.status")
    List<StatusCount> countUnfinished();

    /** How many instances in {@code statuses} stand on each step of each saga. */
    @Query("select i.sagaName as saga, i.currentStep as step, count(i) as count from SagaInstance i"
            + " where i.status in :statuses and i.currentStep is not null group by i.sagaName, i.currentStep")
    List<StepCount> countOnSteps(@Param("statuses") Collection<SagaStatus> statuses);

    /** Active instances that have not progressed since {@code before} and are not waiting for a signal. */
    @Query("select i from SagaInstance i where i.status in :statuses and i.waitingFor is null and i.progressedAt < :before"
            + " order by i.progressedAt")
    List<SagaInstance> findStuck(@Param("statuses") Collection<SagaStatus> statuses, @Param("before") Instant before, Limit limit);

    /** Instances in {@code statuses}, most recently changed first. */
    @Query("select i from SagaInstance i where i.status in :statuses order by i.updatedAt desc")
    List<SagaInstance> findByStatuses(@Param("statuses") Collection<SagaStatus> statuses, Limit limit);

    /** Forgets completed and compensated instances (their step log goes with them) finished before {@code before}. */
    @Modifying
    @Query("delete from SagaInstance i where i.finishedAt < :before"
            + " and i.status in (dev.portal.platform.saga.SagaStatus.COMPLETED, dev.portal.platform.saga.SagaStatus.COMPENSATED)")
    int deleteFinishedBefore(@Param("before") Instant before);

    /** A row of {@link #countOnSteps}. */
    interface StepCount {

        String getSaga();

        String getStep();

        long getCount();
    }

    /** A row of {@link #countUnfinished()}. */
    interface StatusCount {

        String getSaga();

        SagaStatus getStatus();

        long getCount();
    }
}
