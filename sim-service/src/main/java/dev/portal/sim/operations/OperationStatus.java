package dev.portal.sim.operations;

/**
 * Where a SIM operation is: {@code REQUESTED} (to be sent now) or {@code SCHEDULED} (waiting for its day, can be
 * cancelled), {@code SUBMITTING} (being sent; a restart finds out from the line whether Freebit took it),
 * {@code SUBMITTED} (Freebit accepted it and is doing it), then {@code COMPLETED}, {@code FAILED} or
 * {@code CANCELLED}.
 */
public enum OperationStatus {
    REQUESTED, SCHEDULED, SUBMITTING, SUBMITTED, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
