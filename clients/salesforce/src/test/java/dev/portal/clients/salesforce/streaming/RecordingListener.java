package dev.portal.clients.salesforce.streaming;

import dev.portal.clients.support.ExternalSystemException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Processes events by remembering them, then saves their replay id, as a real consumer would after its work. */
final class RecordingListener implements ChangeEventListener {

    final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
    final List<InvalidReplayIdException> invalidReplayIds = new CopyOnWriteArrayList<>();
    final List<ExternalSystemException> errors = new CopyOnWriteArrayList<>();
    private final ReplayIdStore store;
    private final Recovery recovery;

    RecordingListener(ReplayIdStore store, Recovery recovery) {
        this.store = store;
        this.recovery = recovery;
    }

    RecordingListener(ReplayIdStore store) {
        this(store, Recovery.REPLAY_ALL_RETAINED);
    }

    @Override
    public void onEvent(ChangeEvent event) {
        events.add(event);
        store.save(event.channel(), event.replayId());
    }

    @Override
    public Recovery onInvalidReplayId(InvalidReplayIdException failure) {
        invalidReplayIds.add(failure);
        return recovery;
    }

    @Override
    public void onError(ExternalSystemException failure) {
        errors.add(failure);
    }

    List<String> names() {
        return events.stream().map(e -> String.valueOf(e.fields().get("Name"))).toList();
    }
}
