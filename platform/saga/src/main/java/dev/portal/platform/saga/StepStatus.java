package dev.portal.platform.saga;

/** The state of one step in one direction, as the step log shows it. */
public enum StepStatus {
    /** An attempt is under way (or its process died; the resumed saga will attempt it again). */
    STARTED,
    SUCCEEDED,
    /** The last attempt failed transiently; another one is scheduled. */
    RETRYING,
    /** The step waits for a signal. */
    WAITING,
    /** The step failed permanently. */
    FAILED,
    /** The step ran out of attempts; the saga is parked on it. */
    PARKED
}
