package dev.portal.clients.salesforce.streaming;

/** Where a subscription starts when no replay id is stored for its channel. */
public enum ReplayStart {
    /** Only events published after the subscription ({@code -1}, the tip). */
    NEW_EVENTS(-1),
    /** Every event the org still retains (72 h for change events; {@code -2}). */
    ALL_RETAINED(-2);

    private final long replayId;

    ReplayStart(long replayId) {
        this.replayId = replayId;
    }

    /** The replay value sent in {@code ext.replay}. */
    public long replayId() {
        return replayId;
    }
}
