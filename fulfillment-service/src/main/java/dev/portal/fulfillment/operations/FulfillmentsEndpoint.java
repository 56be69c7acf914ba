package dev.portal.fulfillment.operations;

import dev.portal.fulfillment.provisioning.Fulfillment;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaMonitor;
import dev.portal.platform.saga.SagaStatus;
import dev.portal.platform.saga.SagaTimeline;
import dev.portal.platform.saga.Sagas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's view of fulfillments, by Salesforce Order id, on the service's actuator (never routed by the
 * gateway; the service's network policy admits only the monitoring namespace, so operators reach it through a port
 * forward, like {@code /actuator/sagas} and {@code /actuator/deadletters}):
 * <ul>
 *   <li>{@code GET /actuator/fulfillments}: parked and failed fulfillments (a person must act) and stuck ones (no
 *       progress for {@code portal.saga.stuck-after}), with the step and the reason;</li>
 *   <li>{@code GET /actuator/fulfillments/{orderId}}: the newest fulfillment of the order, step by step;</li>
 *   <li>{@code POST /actuator/fulfillments/{orderId}}: retries its parked (or failed) saga now, once the cause is fixed.</li>
 * </ul>
 */
@Component
@Endpoint(id = "fulfillments")
public class FulfillmentsEndpoint {

    private static final int LISTED = 200;

    /** One fulfillment needing a look: the order, its saga, where it stands and why. */
    public record Attention(String orderId, UUID sagaId, SagaStatus status, String step, String reason, Instant since) {

        static Attention of(SagaTimeline timeline) {
            return new Attention(timeline.businessKey(), timeline.instanceId(), timeline.status(), timeline.currentStep(),
                    timeline.reason(), timeline.updatedAt());
        }
    }

    private final Sagas sagas;
    private final SagaMonitor monitor;
    private final SagaDefinition<Fulfillment> fulfillment;

    FulfillmentsEndpoint(Sagas sagas, SagaMonitor monitor, SagaDefinition<Fulfillment> fulfillment) {
        this.sagas = sagas;
        this.monitor = monitor;
        this.fulfillment = fulfillment;
    }

    @ReadOperation
    public Map<String, Object> overview() {
        SagaMonitor.Counts counts = monitor.refresh();
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("unfinished", counts.byStatus().getOrDefault(fulfillment.name(), Map.of()));
        overview.put("needingAttention", sagas.needingAttention(LISTED).stream()
                .filter(timeline -> timeline.saga().equals(fulfillment.name())).map(Attention::of).toList());
        List<Attention> stuck = counts.oldestStuck().stream().map(sagas::timeline).flatMap(java.util.Optional::stream)
                .filter(timeline -> timeline.saga().equals(fulfillment.name())).map(Attention::of).toList();
        overview.put("stuck", stuck);
        overview.put("stuckCount", counts.stuck().getOrDefault(fulfillment.name(), 0L));
        return overview;
    }

    @ReadOperation
    public SagaTimeline fulfillment(@Selector String orderId) {
        return sagas.timeline(fulfillment.name(), orderId).orElseThrow(() -> new FulfillmentNotFound(orderId));
    }

    @WriteOperation
    public SagaTimeline retry(@Selector String orderId) {
        SagaTimeline newest = fulfillment(orderId);
        return sagas.retry(Objects.requireNonNull(newest.instanceId()));
    }
}
