package dev.portal.sim.operations;

import dev.portal.platform.errors.Conflict;
import java.util.Map;
import java.util.UUID;

/** Only a scheduled operation can be cancelled; one that is being sent, was sent or has ended cannot. */
public class OperationNotCancellable extends Conflict {

    OperationNotCancellable(UUID id, OperationStatus status) {
        super("operation-not-cancellable", "Operation not cancellable",
                "Operation " + id + " is " + status + "; only a scheduled operation can be cancelled.", Map.of("status", status.name()));
    }
}
