package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.testing.FakeParticipant;
import dev.portal.platform.saga.testing.SagaTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a definition's listener is told (every step change, in order, with the compensation's own name), a step that
 * parks at once, and a step that re-checks on a schedule without using up its attempts.
 */
class SagaChangesTest {

    record Order(String id, List<String> log) {

        Order with(String entry) {
            List<String> next = new ArrayList<>(log);
            next.add(entry);
            return new Order(id, next);
        }
    }

    private final SagaTestKit kit = SagaTestKit.create();
    private final List<StepChange<Order>> changes = new ArrayList<>();
    private final FakeParticipant billing = FakeParticipant.named("billing");
    private final FakeParticipant cancellations = FakeParticipant.named("cancellations");
    private final FakeParticipant network = FakeParticipant.named("network");

    private SagaDefinition<Order> definition() {
        return SagaDefinition.named("order", Order.class)
                .step("create-bill").invoke(c -> call(billing, c, "billed"))
                .withCompensation("cancel-bill", c -> call(cancellations, c, "cancelled"))
                .step("activate-line").invoke(c -> call(network, c, "activated"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .onChange(changes::add)
                .build();
    }

    private static StepOutcome<Order> call(FakeParticipant participant, StepContext<Order> context, String entry) {
        participant.call(context.idempotencyKey());
        return context.done(context.data().with(entry));
    }

    @Test
    void the_listener_is_told_of_each_attempt_and_its_outcome_in_order_with_the_data_after_it() {
        kit.start(definition(), "order-1", new Order("order-1", List.of()));

        assertThat(changes).extracting(StepChange::name, StepChange::status, StepChange::attempt, StepChange::sagaStatus)
                .containsExactly(
                        tuple("create-bill", StepStatus.STARTED, 1, SagaStatus.RUNNING),
                        tuple("create-bill", StepStatus.SUCCEEDED, 1, SagaStatus.RUNNING),
                        tuple("activate-line", StepStatus.STARTED, 1, SagaStatus.RUNNING),
                        tuple("activate-line", StepStatus.SUCCEEDED, 1, SagaStatus.COMPLETED));
        assertThat(changes.get(1).data().log()).containsExactly("billed");
        assertThat(changes).allSatisfy(change -> assertThat(change.resumedFrom()).isNull());
    }

    @Test
    void a_compensation_is_reported_under_its_own_name_and_the_last_change_says_the_saga_is_compensated() {
        network.refuses();

        kit.start(definition(), "order-1", new Order("order-1", List.of()));

        assertThat(changes).extracting(StepChange::name, StepChange::direction, StepChange::status, StepChange::sagaStatus)
                .containsExactly(
                        tuple("create-bill", Direction.EXECUTE, StepStatus.STARTED, SagaStatus.RUNNING),
                        tuple("create-bill", Direction.EXECUTE, StepStatus.SUCCEEDED, SagaStatus.RUNNING),
                        tuple("activate-line", Direction.EXECUTE, StepStatus.STARTED, SagaStatus.RUNNING),
                        tuple("activate-line", Direction.EXECUTE, StepStatus.FAILED, SagaStatus.COMPENSATING),
                        tuple("cancel-bill", Direction.COMPENSATE, StepStatus.STARTED, SagaStatus.COMPENSATING),
                        tuple("cancel-bill", Direction.COMPENSATE, StepStatus.SUCCEEDED, SagaStatus.COMPENSATED));
        assertThat(changes.get(3).reason()).contains("network refused the request");
        assertThat(changes.getLast().reason()).as("the compensation itself succeeded").isNull();
        assertThat(changes.getLast().sagaReason()).isEqualTo("activate-line failed: participant-refused: network refused the request");
        assertThat(changes.get(4).step()).as("the log's name stays the step's").isEqualTo("create-bill");
    }

    @Test
    void a_compensation_sees_why_the_saga_is_being_undone() {
        List<String> reasons = new ArrayList<>();
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("create-bill").invoke(c -> call(billing, c, "billed"))
                .withCompensation("cancel-bill", c -> {
                    reasons.add(c.sagaReason().orElse("none"));
                    return c.done();
                })
                .step("activate-line").invoke(c -> c.failed("the line cannot be activated"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .build();

        kit.start(definition, "order-1", new Order("order-1", List.of()));

        assertThat(reasons).containsExactly("activate-line failed: the line cannot be activated");
    }

    @Test
    void a_first_step_failing_with_nothing_to_undo_ends_with_a_change_of_the_saga_itself() {
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("check").invoke(c -> c.failed("not allowed"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .onChange(changes::add)
                .build();

        kit.start(definition, "order-1", new Order("order-1", List.of()));

        StepChange<Order> last = changes.getLast();
        assertThat(last.isStep()).isFalse();
        assertThat(last.sagaStatus()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(last.reason()).isEqualTo("check failed: not allowed");
    }

    @Test
    void a_step_may_park_the_saga_at_once_with_the_parked_event_after_the_listener_is_told() {
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("map-products").invoke(c -> c.park("product 01t1 has no billing product"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .onChange(changes::add)
                .build();

        SagaRun<Order> run = kit.start(definition, "order-1", new Order("order-1", List.of()));

        assertThat(run.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(run.saga().reason()).isEqualTo("map-products: product 01t1 has no billing product");
        assertThat(changes.getLast()).extracting(StepChange::status, StepChange::sagaStatus, StepChange::reason)
                .containsExactly(StepStatus.PARKED, SagaStatus.PARKED, "product 01t1 has no billing product");
        assertThat(kit.events(SagaParked.class)).singleElement().satisfies(parked -> {
            assertThat(parked.step()).isEqualTo("map-products");
            assertThat(parked.attempts()).isEqualTo(1);
        });
        assertThat(kit.meters().get("portal.saga.parked").tags("saga", "order", "step", "map-products").counter().count())
                .isEqualTo(1);
    }

    @Test
    void an_operator_retry_is_told_to_the_listener_and_the_step_runs_again() {
        AtomicInteger calls = new AtomicInteger();
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("map-products").invoke(c -> calls.incrementAndGet() == 1 ? c.park("unmapped") : c.done())
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .onChange(changes::add)
                .build();
        SagaRun<Order> run = kit.start(definition, "order-1", new Order("order-1", List.of()));
        changes.clear();

        kit.sagas().retry(run.saga().id());

        assertThat(changes).extracting(StepChange::status, StepChange::resumedFrom, StepChange::sagaStatus).containsExactly(
                tuple(StepStatus.RETRYING, StepStatus.PARKED, SagaStatus.RUNNING),
                tuple(StepStatus.STARTED, StepStatus.RETRYING, SagaStatus.RUNNING),
                tuple(StepStatus.SUCCEEDED, StepStatus.RETRYING, SagaStatus.COMPLETED));
    }

    @Test
    void a_step_that_rechecks_on_a_schedule_keeps_its_attempts_for_failures_after_the_waits() {
        AtomicInteger checks = new AtomicInteger();
        List<Instant> firstAttempts = new ArrayList<>();
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("await-payment-method").invoke(c -> {
                    firstAttempts.add(c.firstAttemptAt());
                    int check = checks.incrementAndGet();
                    if (check <= 8) {
                        return c.waitFor("payment-method-added", Duration.ofMinutes(10));
                    }
                    if (check <= 11) {
                        return c.retryLater("billing is away");
                    }
                    return c.done();
                })
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .onChange(changes::add)
                .build();

        kit.start(definition, "order-1", new Order("order-1", List.of()));
        kit.runUntilSettled(Duration.ofDays(1));

        SagaSnapshot<Order> saga = kit.saga(definition, "order-1");
        assertThat(saga.status()).as("3 failures after 8 waits stay within 5 attempts").isEqualTo(SagaStatus.COMPLETED);
        assertThat(saga.attempts("await-payment-method", Direction.EXECUTE)).isEqualTo(12);
        assertThat(firstAttempts).containsOnly(SagaTestKit.START);
        assertThat(changes).filteredOn(change -> change.status() == StepStatus.STARTED)
                .extracting(StepChange::resumedFrom).startsWith(null, StepStatus.WAITING)
                .contains(StepStatus.RETRYING);
    }

    @Test
    void failures_after_a_wait_still_park_when_they_use_up_the_attempts() {
        AtomicInteger checks = new AtomicInteger();
        SagaDefinition<Order> definition = SagaDefinition.named("order", Order.class)
                .step("await-payment-method").invoke(c -> checks.incrementAndGet() <= 2
                        ? c.waitFor("payment-method-added", Duration.ofMinutes(10)) : c.retryLater("billing is away"))
                .parkedEventsTo(Topics.ORDER_EVENTS)
                .build();

        kit.start(definition, "order-1", new Order("order-1", List.of()));
        kit.runUntilSettled(Duration.ofDays(1));

        SagaSnapshot<Order> saga = kit.saga(definition, "order-1");
        assertThat(saga.status()).isEqualTo(SagaStatus.PARKED);
        assertThat(saga.reason()).contains("failed 5 times");
        assertThat(saga.attempts("await-payment-method", Direction.EXECUTE)).isEqualTo(2 + 5);
    }
}
