package dev.portal.platform.saga;

import dev.portal.platform.errors.NotFound;
import java.util.UUID;

/** No saga instance has this id (in this service). */
public class SagaNotFound extends NotFound {

    public SagaNotFound(UUID id) {
        super("saga-not-found", "Saga not found", "No saga instance has the id " + id + ".");
    }
}
