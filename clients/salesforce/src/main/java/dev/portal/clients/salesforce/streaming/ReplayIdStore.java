package dev.portal.clients.salesforce.streaming;

import java.util.OptionalLong;

/**
 * Where the replay id of the last processed event of each channel is kept. The subscriber only {@link #load loads}:
 * each delivered {@link ChangeEvent} carries its replay id, and the caller {@link #save saves} it after its own
 * processing (e.g. in the same database transaction), so a restart resumes after the last processed event.
 */
public interface ReplayIdStore {

    /** The replay id of the last processed event on {@code channel}, empty when none was processed yet. */
    OptionalLong load(String channel);

    /** Remembers that every event up to {@code replayId} on {@code channel} has been processed. */
    void save(String channel, long replayId);
}
