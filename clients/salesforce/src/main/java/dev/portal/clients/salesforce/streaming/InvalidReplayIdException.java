package dev.portal.clients.salesforce.streaming;

/**
 * The replay id a subscription asked to resume after is no longer retained (older than the retention window) or
 * was never issued: events may have been missed, and the caller decides how to recover.
 */
public final class InvalidReplayIdException extends StreamingRejectedException {

    private final String channel;
    private final long replayId;

    public InvalidReplayIdException(String channel, long replayId, String error) {
        super("/meta/subscribe", error);
        this.channel = channel;
        this.replayId = replayId;
    }

    /** The subscribed channel, e.g. {@code /data/OrderChangeEvent}. */
    public String channel() {
        return channel;
    }

    /** The refused replay id. */
    public long replayId() {
        return replayId;
    }
}
