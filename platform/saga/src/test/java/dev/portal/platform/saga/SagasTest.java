package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.TripSaga.Trip;
import dev.portal.platform.saga.testing.FakeParticipant;
import dev.portal.platform.saga.testing.FakeParticipant.Reply;
import dev.portal.platform.saga.testing.SagaTestKit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine on the in-memory kit: every outcome of a step, in both directions, and resuming after a crash. */
class SagasTest {

    private final SagaTestKit kit = SagaTestKit.create();
    private final TripSaga trip = new TripSaga();
    private final SagaDefinition<Trip> definition = trip.definition();

    @Test
    void a_saga_whose_steps_succeed_runs_them_in_order_in_the_callers_thread_and_completes() {
        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(run.created()).isTrue();
        assertThat(run.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(run.data().log()).containsExactly("booked", "charged", "sent");
        assertThat(run.failure()).isEmpty();
        assertThat(run.saga().timeline().steps()).extracting(SagaTimeline.Entry::step, SagaTimeline.Entry::status,
                SagaTimeline.Entry::attempts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("book-hotel", StepStatus.SUCCEEDED, 1),
                org.assertj.core.groups.Tuple.tuple("charge-card", StepStatus.SUCCEEDED, 1),
                org.assertj.core.groups.Tuple.tuple("send-tickets", StepStatus.SUCCEEDED, 1));
        assertThat(kit.meters().get("portal.saga.finished").tags("saga", "trip", "outcome", "completed").counter().count())
                .isEqualTo(1);
        assertThat(kit.meters().get("portal.saga.steps").tags("saga", "trip", "step", "charge-card", "outcome", "succeeded")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void each_step_gets_the_instance_id_and_its_name_as_idempotency_key() {
        UUID id = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();

        assertThat(trip.hotel.calls()).containsExactly(id + ":book-hotel");
        assertThat(trip.card.calls()).containsExactly(id + ":charge-card");
        assertThat(trip.tickets.calls()).containsExactly(id + ":send-tickets");
    }

    @Test
    void a_second_start_with_the_same_business_key_returns_the_existing_instance_and_runs_nothing() {
        UUID first = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();

        SagaRun<Trip> again = kit.start(definition, "trip-1", Trip.of("someone else"));

        assertThat(again.created()).isFalse();
        assertThat(again.saga().id()).isEqualTo(first);
        assertThat(again.data().traveller()).isEqualTo("aiko");
        assertThat(trip.hotel.calls()).hasSize(1);
    }

    @Test
    void a_transient_failure_waits_for_the_back_off_and_the_leader_completes_the_saga() {
        trip.card.failsTransiently(2);

        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(run.failure()).containsInstanceOf(FakeParticipant.Unavailable.class);
        assertThat(run.saga().timeline().nextAttemptAt()).isEqualTo(SagaTestKit.START.plusSeconds(1));
        assertThat(run.saga().reason()).contains("charge-card").contains("card is unavailable");
        assertThat(kit.advance(Duration.ofMillis(999))).as("not due before the back-off").isZero();

        kit.advance(Duration.ofMillis(1));
        assertThat(kit.saga(definition, "trip-1").status()).isEqualTo(SagaStatus.WAITING);
        assertThat(kit.saga(definition, "trip-1").timeline().nextAttemptAt())
                .as("the wait doubles").isEqualTo(SagaTestKit.START.plusSeconds(1 + 2));

        kit.advance(Duration.ofSeconds(2));
        SagaSnapshot<Trip> done = kit.saga(definition, "trip-1");
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(done.attempts("charge-card", Direction.EXECUTE)).isEqualTo(3);
        assertThat(trip.card.calls()).hasSize(3).containsOnly(done.id() + ":charge-card");
        assertThat(trip.hotel.calls()).as("completed steps do not run again").hasSize(1);
    }

    @Test
    void a_caller_may_resume_a_waiting_instance_before_its_back_off_ends() {
        trip.card.failsTransiently(1);
        UUID id = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();

        SagaRun<Trip> resumed = kit.sagas().resume(definition, id);

        assertThat(resumed.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(resumed.created()).isFalse();
    }

    @Test
    void a_step_failing_permanently_compensates_the_completed_steps_newest_first() {
        trip.tickets.refuses();

        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(run.failure()).containsInstanceOf(FakeParticipant.Refused.class);
        assertThat(run.data().log()).containsExactly("booked", "charged", "refunded", "cancelled");
        assertThat(run.saga().reason()).contains("send-tickets failed").contains("participant-refused");
        assertThat(run.saga().timeline().steps()).extracting(SagaTimeline.Entry::step, SagaTimeline.Entry::direction,
                SagaTimeline.Entry::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("book-hotel", Direction.EXECUTE, StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("charge-card", Direction.EXECUTE, StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("send-tickets", Direction.EXECUTE, StepStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("charge-card", Direction.COMPENSATE, StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("book-hotel", Direction.COMPENSATE, StepStatus.SUCCEEDED));
        assertThat(trip.refunds.calls()).containsExactly(run.saga().id() + ":charge-card:compensate");
        assertThat(run.saga().hasCompleted("book-hotel")).as("undone").isFalse();
    }

    @Test
    void the_first_step_failing_permanently_has_nothing_to_compensate() {
        trip.hotel.refuses();

        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(trip.hotelCancellation.calls()).isEmpty();
        assertThat(trip.card.calls()).isEmpty();
    }

    @Test
    void a_compensated_run_frees_its_business_key_for_a_new_run() {
        trip.hotel.refuses();
        UUID first = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();

        SagaRun<Trip> second = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(second.created()).isTrue();
        assertThat(second.saga().id()).isNotEqualTo(first);
        assertThat(second.status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void a_compensation_failing_transiently_is_retried_by_the_leader() {
        trip.tickets.refuses();
        trip.refunds.failsTransiently(1);

        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));
        assertThat(run.status()).isEqualTo(SagaStatus.COMPENSATING);

        kit.advance(Duration.ofSeconds(1));

        SagaSnapshot<Trip> after = kit.saga(definition, "trip-1");
        assertThat(after.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(after.attempts("charge-card", Direction.COMPENSATE)).isEqualTo(2);
        assertThat(trip.hotelCancellation.calls()).hasSize(1);
    }

    @Test
    void a_compensation_failing_permanently_fails_the_saga_for_a_person_to_repair() {
        trip.tickets.refuses();
        trip.refunds.refuses();

        SagaRun<Trip> run = kit.start(definition, "trip-1", Trip.of("aiko"));

        assertThat(run.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(run.saga().reason()).contains("charge-card (compensation) failed");
        assertThat(trip.hotelCancellation.calls()).as("stops at the failed compensation").isEmpty();
        assertThat(kit.meters().get("portal.saga.finished").tags("outcome", "failed").counter().count()).isEqualTo(1);
    }

    @Test
    void a_step_out_of_attempts_parks_the_saga_with_an_event_a_metric_and_a_reason() {
        trip.card.staysDown();

        UUID id = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();
        kit.runUntilSettled(Duration.ofHours(1));

        SagaTimeline timeline = kit.timeline(id);
        assertThat(timeline.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(timeline.reason()).contains("charge-card failed 5 times").contains("card is unavailable");
        assertThat(timeline.entry("charge-card", Direction.EXECUTE).orElseThrow().status()).isEqualTo(StepStatus.PARKED);
        assertThat(trip.card.calls()).hasSize(5);
        SagaParked parked = kit.events(SagaParked.class).getFirst();
        assertThat(parked.instanceId()).isEqualTo(id);
        assertThat(parked.step()).isEqualTo("charge-card");
        assertThat(parked.attempts()).isEqualTo(5);
        assertThat(kit.events().getFirst().topic()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(kit.meters().get("portal.saga.parked").tags("saga", "trip", "step", "charge-card").counter().count()).isEqualTo(1);
        assertThat(kit.advance(Duration.ofDays(1))).as("the leader leaves a parked saga alone").isZero();
    }

    @Test
    void an_operator_retry_runs_a_parked_saga_again_with_fresh_attempts() {
        trip.card.staysDown();
        UUID id = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();
        kit.runUntilSettled(Duration.ofHours(1));
        trip.card.recovers();

        SagaTimeline retried = kit.sagas().retry(id);

        assertThat(retried.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(retried.reason()).isNull();
        assertThat(retried.entry("charge-card", Direction.EXECUTE).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void only_a_parked_or_failed_saga_can_be_retried_by_an_operator() {
        trip.card.failsTransiently(1);
        UUID id = kit.start(definition, "trip-1", Trip.of("aiko")).saga().id();

        assertThatThrownBy(() -> kit.sagas().retry(id)).isInstanceOf(SagaNotRetryable.class)
                .hasMessageContaining("WAITING");
        assertThatThrownBy(() -> kit.sagas().retry(UUID.randomUUID())).isInstanceOf(SagaNotFound.class);
    }

    @Test
    void a_step_definition_may_allow_more_attempts_than_the_default() {
        SagaDefinition<Trip> patient = SagaDefinition.named("patient-trip", Trip.class)
                .step("charge-card").invoke(c -> {
                    trip.card.call(c.idempotencyKey());
                    return c.done();
                }).maxAttempts(8)
                .parkedEventsTo(Topics.ORDER_EVENTS).build();
        trip.card.failsTransiently(6);

        kit.start(patient, "trip-1", Trip.of("aiko"));
        kit.runUntilSettled(Duration.ofHours(1));

        assertThat(kit.saga(patient, "trip-1").status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(trip.card.calls()).hasSize(7);
    }

    @Test
    void a_process_that_dies_during_a_step_leaves_the_saga_to_the_leader_after_its_lease() {
        trip.card.then(Reply.CRASH_BEFORE);

        UUID id = kit.startAndCrash(definition, "trip-1", Trip.of("aiko"));

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(kit.timeline(id).entry("charge-card", Direction.EXECUTE).orElseThrow().status()).isEqualTo(StepStatus.STARTED);
        assertThat(kit.advance(kit.lease().minusSeconds(1))).as("the lease still holds").isZero();

        kit.advance(Duration.ofSeconds(1));

        SagaSnapshot<Trip> resumed = kit.saga(definition, "trip-1");
        assertThat(resumed.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(resumed.attempts("charge-card", Direction.EXECUTE)).isEqualTo(2);
        assertThat(resumed.data().log()).containsExactly("booked", "charged", "sent");
    }

    @Test
    void a_step_repeated_after_a_crash_uses_the_same_key_so_the_participant_applies_it_once() {
        trip.card.then(Reply.CRASH_AFTER);

        UUID id = kit.startAndCrash(definition, "trip-1", Trip.of("aiko"));
        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(trip.card.calls()).containsExactly(id + ":charge-card", id + ":charge-card");
        assertThat(trip.card.effects()).containsExactly(id + ":charge-card");
    }

    @Test
    void a_process_that_dies_while_compensating_resumes_the_compensation() {
        trip.tickets.refuses();
        trip.hotelCancellation.then(Reply.CRASH_BEFORE);

        UUID id = kit.startAndCrash(definition, "trip-1", Trip.of("aiko"));
        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPENSATING);

        kit.advance(kit.lease());

        assertThat(kit.timeline(id).status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(trip.refunds.calls()).as("a compensation done before the crash is not repeated").hasSize(1);
        assertThat(trip.hotelCancellation.calls()).hasSize(2);
    }

    @Test
    void a_step_waiting_for_a_signal_resumes_in_the_signallers_thread_with_its_payload() {
        SagaDefinition<Trip> confirmed = trip.confirmedDefinition(Duration.ofHours(1));

        SagaRun<Trip> run = kit.start(confirmed, "trip-1", Trip.of("aiko"));
        assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(run.saga().timeline().waitingFor()).isEqualTo(TripSaga.CONFIRMED);
        assertThat(kit.advance(Duration.ofMinutes(30))).as("waiting is not due before its deadline").isZero();

        SagaRun<Trip> signalled = kit.sagas().signal(confirmed, "trip-1", TripSaga.CONFIRMED, new TripSaga.Confirmation("aiko"))
                .orElseThrow();

        assertThat(signalled.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(signalled.data().confirmedBy()).isEqualTo("aiko");
        assertThat(signalled.data().log()).containsExactly("booked", "confirmed", "sent");
    }

    @Test
    void a_signal_that_comes_before_its_step_waits_is_kept_for_it() {
        SagaDefinition<Trip> confirmed = trip.confirmedDefinition(Duration.ofHours(1));
        trip.hotel.failsTransiently(1);
        kit.start(confirmed, "trip-1", Trip.of("aiko"));

        SagaRun<Trip> early = kit.sagas().signal(confirmed, "trip-1", TripSaga.CONFIRMED, new TripSaga.Confirmation("aiko"))
                .orElseThrow();
        assertThat(early.status()).as("the signal does not run the hotel's retry early").isEqualTo(SagaStatus.WAITING);

        kit.advance(Duration.ofSeconds(1));

        assertThat(kit.saga(confirmed, "trip-1").status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void a_wait_that_passes_its_deadline_runs_the_step_again_which_may_fail_and_compensate() {
        SagaDefinition<Trip> confirmed = trip.confirmedDefinition(Duration.ofHours(1));
        kit.start(confirmed, "trip-1", Trip.of("aiko"));

        kit.advance(Duration.ofHours(1));

        SagaSnapshot<Trip> after = kit.saga(confirmed, "trip-1");
        assertThat(after.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(after.reason()).contains("did not confirm in time");
        assertThat(trip.hotelCancellation.calls()).hasSize(1);
    }

    @Test
    void a_signal_for_an_unknown_key_or_a_finished_saga_changes_nothing() {
        SagaDefinition<Trip> confirmed = trip.confirmedDefinition(Duration.ofHours(1));
        assertThat(kit.sagas().signal(confirmed, "nobody", TripSaga.CONFIRMED, null)).isEmpty();

        kit.start(definition, "trip-2", Trip.of("aiko"));
        SagaRun<Trip> ignored = kit.sagas().signal(definition, "trip-2", TripSaga.CONFIRMED, null).orElseThrow();
        assertThat(ignored.status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void a_stored_instance_on_a_step_the_next_version_does_not_have_is_parked_not_retried_forever() {
        SagaDefinition<Trip> older = SagaDefinition.named("trip", Trip.class)
                .step("book-hotel").invoke(c -> c.retryLater("try later"))
                .parkedEventsTo(Topics.ORDER_EVENTS).build();
        UUID id = kit.start(older, "trip-1", Trip.of("aiko")).saga().id();
        SagaTestKit nextVersion = kit.restart();
        nextVersion.sagas().register(SagaDefinition.named("trip", Trip.class)
                .step("reserve-room").invoke(StepContext::done)
                .parkedEventsTo(Topics.ORDER_EVENTS).build());

        nextVersion.advance(Duration.ofSeconds(1));

        SagaTimeline parked = nextVersion.timeline(id);
        assertThat(parked.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(parked.reason()).contains("no saga trip with a step book-hotel");
    }

    @Test
    void steps_see_the_signals_and_attempt_numbers_they_need() {
        List<Integer> attempts = new java.util.ArrayList<>();
        SagaDefinition<Trip> counting = SagaDefinition.named("counting", Trip.class)
                .step("count").invoke(c -> {
                    attempts.add(c.attempt());
                    return c.attempt() < 3 ? c.retryLater("not yet") : c.done();
                })
                .parkedEventsTo(Topics.ORDER_EVENTS).build();

        kit.start(counting, "k", Trip.of("aiko"));
        kit.runUntilSettled(Duration.ofMinutes(1));

        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void a_saga_is_started_outside_a_transaction_with_a_business_key() {
        assertThatThrownBy(() -> kit.start(definition, " ", Trip.of("aiko"))).isInstanceOf(IllegalArgumentException.class);
    }
}
