package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.support.ExternalSystemException;

/** What a {@link ChangeEventSubscriber} tells its user. Called on the subscriber's network threads, in event order per channel. */
public interface ChangeEventListener {

    /** What to do when a channel's stored replay id is refused as invalid. */
    enum Recovery {
        /** Subscribe again from every retained event ({@code -2}); events older than the retention are lost. */
        REPLAY_ALL_RETAINED,
        /** Subscribe again for new events only ({@code -1}), e.g. after a full re-read of the records. */
        NEW_EVENTS_ONLY,
        /** Leave the channel unsubscribed. */
        STAY_UNSUBSCRIBED
    }

    /**
     * One change event. Save its {@link ChangeEvent#replayId()} in the {@link ReplayIdStore} once it is processed;
     * an exception here is logged and the event is not counted as delivered.
     */
    void onEvent(ChangeEvent event);

    /** The stored replay id of a channel was refused; by default the channel replays every retained event. */
    default Recovery onInvalidReplayId(InvalidReplayIdException failure) {
        return Recovery.REPLAY_ALL_RETAINED;
    }

    /**
     * A failure the subscriber cannot repair by reconnecting: a refused subscription (unknown channel), a malformed
     * event, a token that cannot be renewed. The subscriber keeps running (and retrying what can be retried).
     */
    default void onError(ExternalSystemException failure) {
    }
}
