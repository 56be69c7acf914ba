package dev.portal.sim.operations;

import static dev.portal.sim.operations.SimOperationMother.NOW;
import static dev.portal.sim.operations.SimOperationMother.line;
import static dev.portal.sim.operations.SimOperationMother.pending;
import static dev.portal.sim.operations.SimOperationMother.requested;
import static dev.portal.sim.operations.SimOperationMother.scheduled;
import static dev.portal.sim.operations.SimOperationMother.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.sim.freebit.Line;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operation's state machine: each transition allowed only from its statuses, each registering its event. */
class SimOperationTest {

    private static final Map<String, Boolean> OPTIONS = Map.of("voiceMail", true, "callWaiting", false);

    @Test
    void an_operation_due_now_is_requested_and_one_for_a_later_day_is_scheduled() {
        SimOperation now = requested(OperationKind.TOP_UP, Target.topUp(100));
        SimOperation later = scheduled(OperationKind.TOP_UP, Target.topUp(100));

        assertThat(now.status()).isEqualTo(OperationStatus.REQUESTED);
        assertThat(later.status()).isEqualTo(OperationStatus.SCHEDULED);
        assertThat(now.pendingEvents()).singleElement().isInstanceOf(SimOperationRequested.class);
        assertThat(((SimOperationRequested) later.pendingEvents().getFirst()).status()).isEqualTo("SCHEDULED");
    }

    @Test
    void a_sent_operation_is_submitted_then_completed_each_with_its_event() {
        SimOperation op = requested(OperationKind.NETWORK_TYPE, Target.network("5G"));

        op.submitting(NOW);
        op.submitted(NOW.plusSeconds(1));
        op.completed(NOW.plusSeconds(1800));

        assertThat(op.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(op.pendingEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SimOperationRequested", "SimOperationSubmitted", "SimOperationCompleted");
    }

    @Test
    void only_a_requested_or_scheduled_operation_can_be_sent() {
        SimOperation op = submitted(OperationKind.VOICE_OPTIONS, Target.voice(OPTIONS));

        assertThatThrownBy(() -> op.submitting(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> requested(OperationKind.TOP_UP, Target.topUp(1)).submitted(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> requested(OperationKind.TOP_UP, Target.topUp(1)).completed(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_failure_keeps_its_reason_and_an_ended_operation_cannot_fail_again() {
        SimOperation op = submitted(OperationKind.PLAN_CHANGE, Target.plan("VOICE_20GB"));

        op.failed("Freebit did not carry out the change.", NOW);

        assertThat(op.reason()).isEqualTo("Freebit did not carry out the change.");
        assertThat(((SimOperationFailed) op.pendingEvents().getLast()).reason()).isEqualTo("Freebit did not carry out the change.");
        assertThatThrownBy(() -> op.failed("again", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> op.completed(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void only_a_scheduled_operation_can_be_cancelled() {
        SimOperation later = scheduled(OperationKind.CANCELLATION, Target.none());
        later.cancel(NOW);

        assertThat(later.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(later.pendingEvents().getLast()).isInstanceOf(SimOperationCancelled.class);
        assertThatThrownBy(() -> requested(OperationKind.TOP_UP, Target.topUp(1)).cancel(NOW)).isInstanceOf(OperationNotCancellable.class);
        assertThatThrownBy(() -> later.cancel(NOW)).isInstanceOf(OperationNotCancellable.class);
    }

    @Test
    void the_line_tells_whether_a_change_is_done_pending_or_dropped() {
        SimOperation network = submitted(OperationKind.NETWORK_TYPE, Target.network("5G"));
        SimOperation voice = submitted(OperationKind.VOICE_OPTIONS, Target.voice(Map.of("callWaiting", true)));

        assertThat(network.progressOn(line("VOICE_10GB", "4G", OPTIONS, List.of(pending(Line.NETWORK_TYPE)))))
                .isEqualTo(SimOperation.Progress.PENDING);
        assertThat(network.progressOn(line("VOICE_10GB", "5G", OPTIONS, List.of()))).isEqualTo(SimOperation.Progress.DONE);
        assertThat(network.progressOn(line("VOICE_10GB", "4G", OPTIONS, List.of()))).isEqualTo(SimOperation.Progress.DROPPED);
        assertThat(voice.progressOn(line("VOICE_10GB", "4G", Map.of("voiceMail", true, "callWaiting", true), List.of())))
                .isEqualTo(SimOperation.Progress.DONE);
        assertThat(voice.progressOn(line("VOICE_10GB", "4G", OPTIONS, List.of()))).isEqualTo(SimOperation.Progress.DROPPED);
    }

    @Test
    void a_plan_change_is_expected_at_the_start_of_its_effective_day_and_fails_a_timeout_after_it() {
        SimOperation plan = submitted(OperationKind.PLAN_CHANGE, Target.plan("VOICE_20GB"));
        ZoneId japan = ZoneId.of("Asia/Tokyo");

        assertThat(plan.expectedDoneAt(japan)).isEqualTo(plan.effectiveDate().atStartOfDay(japan).toInstant());
        assertThat(plan.deadline(japan, Duration.ofHours(24))).isEqualTo(plan.effectiveDate().plusDays(1).atStartOfDay(japan).toInstant());
    }
}
