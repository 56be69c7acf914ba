package dev.portal.sim.operations;

import dev.portal.platform.errors.NotFound;
import java.util.Map;
import java.util.UUID;

/** No such operation on this SIM. */
public class OperationNotFound extends NotFound {

    OperationNotFound(UUID id) {
        super("operation-not-found", "Operation not found", "This SIM has no operation " + id + ".", Map.of());
    }
}
