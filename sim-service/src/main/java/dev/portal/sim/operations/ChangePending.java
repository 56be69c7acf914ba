package dev.portal.sim.operations;

import dev.portal.platform.errors.Conflict;
import java.util.Map;

/** A plan change or a cancellation of the line is already on its way; Freebit holds one of each at a time. */
public class ChangePending extends Conflict {

    ChangePending(OperationKind kind) {
        super("change-pending", "Change pending", "A " + kind.wire() + " of this line is already pending.",
                Map.of("kind", kind.wire()));
    }
}
