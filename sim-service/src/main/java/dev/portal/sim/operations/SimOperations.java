package dev.portal.sim.operations;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The SIM operations; {@code save} writes an operation's registered events to the outbox in the same transaction. */
interface SimOperations extends JpaRepository<SimOperation, UUID> {

    /** The operation, its row locked until the transaction ends: transitions of one operation run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SimOperation o where o.id = :id")
    Optional<SimOperation> lockById(@Param("id") UUID id);

    /** A SIM's operations, newest first. */
    List<SimOperation> findBySimIdOrderByRequestedAtDesc(long simId);

    Optional<SimOperation> findByIdAndSimId(UUID id, long simId);

    List<SimOperation> findByMsisdnAndStatusIn(String msisdn, Collection<OperationStatus> statuses);

    /**
     * When the line last took one of {@code kinds}: the latest submission (or request, for one not sent yet) that
     * Freebit did not refuse outright. A change refused before it was accepted does not hold the interval.
     */
    @Query("""
            select max(coalesce(o.submittedAt, o.requestedAt)) from SimOperation o
            where o.msisdn = :msisdn and o.kind in :kinds
              and not (o.status in (dev.portal.sim.operations.OperationStatus.FAILED, dev.portal.sim.operations.OperationStatus.CANCELLED)
                       and o.submittedAt is null)""")
    Optional<Instant> lastChangeAt(@Param("msisdn") String msisdn, @Param("kinds") Collection<OperationKind> kinds);
}
