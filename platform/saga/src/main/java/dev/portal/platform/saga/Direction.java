package dev.portal.platform.saga;

/** Whether a step runs forward ({@code execute}) or is being undone ({@code compensate}). */
public enum Direction {
    EXECUTE, COMPENSATE
}
