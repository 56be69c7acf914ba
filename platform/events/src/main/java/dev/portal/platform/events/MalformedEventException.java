package dev.portal.platform.events;

/**
 * A record that can never be processed as it is (not a CloudEvent, unknown type, data that does not parse).
 * Retrying cannot help: the consumer error handling sends it straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
