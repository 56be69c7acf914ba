package dev.portal.cdcbridge.resync;

/** What happens when events may have been missed and cannot be replayed (a refused replay id, {@code GAP_OVERFLOW}). */
public enum StaleReplayPolicy {
    /** Read every record changed since the watermark again and publish its state. */
    RESYNC,
    /** Stop the channel (health DOWN, an error log line, a metric) until an operator acts. */
    STOP
}
