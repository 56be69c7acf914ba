package dev.portal.cdcbridge.forwarding;

/** How events are handed to Kafka. */
public enum PublishMode {
    /** Many events in flight; the checkpoint follows the contiguous acknowledgements. */
    ASYNC,
    /** One event at a time: sent, acknowledged and checkpointed before the next (about ten times slower). */
    SYNC
}
