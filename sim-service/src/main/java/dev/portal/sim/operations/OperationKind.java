package dev.portal.sim.operations;

import java.time.Duration;

/**
 * What a SIM operation changes, with the timing rules that go with it.
 *
 * <ul>
 *   <li>{@code spaced}: counts toward the minimum interval between plan, voice option and network type changes;</li>
 *   <li>{@code locksLine}: Freebit refuses every other change of the line until it is done;</li>
 *   <li>{@code expectedDuration}: how long after acceptance Freebit is expected to be done (the first check);
 *       for a plan change and a cancellation it counts from 00:00 of the effective day.</li>
 * </ul>
 */
public enum OperationKind {
    TOP_UP("top-up", false, false, Duration.ZERO),
    PLAN_CHANGE("plan-change", true, false, Duration.ZERO),
    VOICE_OPTIONS("voice-options", true, true, Duration.ofMinutes(5)),
    NETWORK_TYPE("network-type", true, true, Duration.ofMinutes(30)),
    CANCELLATION("cancellation", false, false, Duration.ofMinutes(10)),
    ESIM_REISSUE("esim-reissue", false, true, Duration.ofMinutes(10));

    private final String wire;
    private final boolean spaced;
    private final boolean locksLine;
    private final Duration expectedDuration;

    OperationKind(String wire, boolean spaced, boolean locksLine, Duration expectedDuration) {
        this.wire = wire;
        this.spaced = spaced;
        this.locksLine = locksLine;
        this.expectedDuration = expectedDuration;
    }

    /** The name in the API and in events, e.g. {@code plan-change}. */
    public String wire() {
        return wire;
    }

    public boolean spaced() {
        return spaced;
    }

    public boolean locksLine() {
        return locksLine;
    }

    Duration expectedDuration() {
        return expectedDuration;
    }

    /** Whether it counts from the effective day rather than from its acceptance. */
    boolean dated() {
        return this == PLAN_CHANGE || this == CANCELLATION;
    }
}
