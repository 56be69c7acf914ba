package dev.portal.platform.saga;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's view of a service's sagas, on the management port (never routed by the gateway); a service
 * exposes it by adding {@code sagas} to {@code management.endpoints.web.exposure.include}.
 * <ul>
 *   <li>{@code GET /actuator/sagas}: counts by saga and status, stuck ones, and the parked and failed instances;</li>
 *   <li>{@code GET /actuator/sagas/{id}}: an instance's timeline (404 when unknown);</li>
 *   <li>{@code POST /actuator/sagas/{id}}: retry a parked or failed instance now; answers its timeline.</li>
 * </ul>
 */
@Endpoint(id = "sagas")
public class SagasEndpoint {

    private static final int LISTED = 50;

    private final Sagas sagas;
    private final SagaMonitor monitor;

    public SagasEndpoint(Sagas sagas, SagaMonitor monitor) {
        this.sagas = sagas;
        this.monitor = monitor;
    }

    @ReadOperation
    public Map<String, Object> overview() {
        SagaMonitor.Counts counts = monitor.refresh();
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("instances", counts.byStatus());
        overview.put("stuck", counts.stuck());
        overview.put("oldestStuck", counts.oldestStuck());
        List<SagaTimeline> attention = sagas.needingAttention(LISTED);
        overview.put("needingAttention", attention.stream().map(timeline -> Map.of("instanceId", timeline.instanceId(),
                "saga", timeline.saga(), "status", timeline.status(), "step", String.valueOf(timeline.currentStep()),
                "reason", String.valueOf(timeline.reason()), "updatedAt", timeline.updatedAt())).toList());
        return overview;
    }

    @ReadOperation
    public @Nullable SagaTimeline timeline(@Selector UUID id) {
        return sagas.timeline(id).orElse(null);
    }

    @WriteOperation
    public SagaTimeline retry(@Selector UUID id) {
        return sagas.retry(id);
    }
}
