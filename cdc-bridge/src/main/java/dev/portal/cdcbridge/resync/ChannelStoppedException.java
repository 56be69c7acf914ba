package dev.portal.cdcbridge.resync;

/** The channel was stopped by the stale-replay policy; the event is neither forwarded nor checkpointed. */
public final class ChannelStoppedException extends IllegalStateException {

    ChannelStoppedException(String channel) {
        super("channel " + channel + " stopped by the stale-replay policy");
    }
}
