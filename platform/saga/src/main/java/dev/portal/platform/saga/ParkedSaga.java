package dev.portal.platform.saga;

import java.time.Instant;
import java.util.UUID;

/** What a definition's parked-event factory gets when an instance parks. */
public record ParkedSaga<D>(UUID instanceId, String saga, String businessKey, String step, Direction direction,
                            int attempts, String reason, D data, Instant parkedAt) {
}
