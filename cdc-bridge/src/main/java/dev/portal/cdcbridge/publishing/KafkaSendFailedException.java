package dev.portal.cdcbridge.publishing;

/** Kafka did not acknowledge a record: nothing after its event may be checkpointed. */
public final class KafkaSendFailedException extends RuntimeException {

    public KafkaSendFailedException(String message) {
        super(message);
    }

    public KafkaSendFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
