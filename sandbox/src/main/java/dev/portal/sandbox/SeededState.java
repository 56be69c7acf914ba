package dev.portal.sandbox;

/**
 * The state of one simulated system, seeded from its documented data set ({@code docs/sandbox.md}). The admin
 * API's reset puts every system back to its seed; implementations must make {@link #reset()} safe to call while
 * requests are being served.
 */
public interface SeededState {

    /** The system this state belongs to: one of {@link SandboxSystems#ALL}. */
    String system();

    /** Drops everything changed since start and loads the seed again. */
    void reset();
}
