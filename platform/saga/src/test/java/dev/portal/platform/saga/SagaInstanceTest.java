package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The instance refuses every move its status does not allow. */
class SagaInstanceTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private static SagaInstance running() {
        return SagaInstance.start(UUID.randomUUID(), "example", "key-1", "first", "{}", "process-a", NOW, NOW.plusSeconds(60));
    }

    @Test
    void a_new_instance_runs_its_first_step_under_the_starters_lease() {
        SagaInstance instance = running();

        assertThat(instance.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(instance.isLeasedBy("process-a")).isTrue();
        assertThat(instance.nextAttemptAt()).as("due when the lease runs out").isEqualTo(NOW.plusSeconds(60));
        assertThat(instance.isClaimable(NOW.plusSeconds(59))).isFalse();
        assertThat(instance.isClaimable(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void an_instance_completes_only_from_running_after_its_last_step() {
        SagaInstance instance = running();
        assertThatThrownBy(() -> instance.complete(NOW)).isInstanceOf(IllegalSagaTransition.class);

        instance.stepSucceeded(null, "{}", NOW);
        instance.complete(NOW);

        assertThat(instance.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(instance.leaseOwner()).isNull();
        assertThatThrownBy(() -> instance.park("late", NOW)).isInstanceOf(IllegalSagaTransition.class);
        assertThatThrownBy(() -> instance.startCompensating(null, "late", NOW)).isInstanceOf(IllegalSagaTransition.class);
        assertThatThrownBy(() -> instance.claim("process-b", NOW, NOW)).isInstanceOf(IllegalSagaTransition.class);
    }

    @Test
    void a_waiting_instance_cannot_record_progress_until_claimed() {
        SagaInstance instance = running();
        instance.retryAt(NOW.plusSeconds(5), "down", NOW);

        assertThat(instance.status()).isEqualTo(SagaStatus.WAITING);
        assertThatThrownBy(() -> instance.stepSucceeded("second", "{}", NOW)).isInstanceOf(IllegalSagaTransition.class);
        assertThatThrownBy(() -> instance.renewLease("process-a", NOW, NOW)).isInstanceOf(IllegalSagaTransition.class);

        instance.claim("process-b", NOW.plusSeconds(5), NOW.plusSeconds(65));

        assertThat(instance.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(instance.isLeasedBy("process-b")).isTrue();
    }

    @Test
    void only_compensating_can_fail_and_only_parked_or_failed_can_be_retried_by_an_operator() {
        SagaInstance instance = running();
        assertThatThrownBy(() -> instance.fail("no", NOW)).isInstanceOf(IllegalSagaTransition.class);
        assertThatThrownBy(() -> instance.retryByOperator("ops", NOW, NOW)).isInstanceOf(IllegalSagaTransition.class);

        instance.startCompensating("first", "second failed", NOW);
        instance.fail("first (compensation) failed", NOW);

        assertThat(instance.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(instance.reason()).contains("first (compensation) failed").contains("second failed");
        instance.retryByOperator("ops", NOW, NOW.plusSeconds(60));
        assertThat(instance.status()).isEqualTo(SagaStatus.COMPENSATING);
    }

    @Test
    void a_step_waiting_for_a_signal_is_claimable_once_the_signal_or_its_deadline_comes() {
        SagaInstance instance = running();
        instance.waitFor("paid", NOW.plusSeconds(600), NOW);

        assertThat(instance.isClaimable(NOW.plusSeconds(1))).isFalse();
        assertThat(instance.isClaimable(NOW.plusSeconds(600))).isTrue();
        assertThat(instance.receiveSignals("{\"paid\":{}}", "paid", NOW.plusSeconds(2))).isTrue();
        assertThat(instance.isClaimable(NOW.plusSeconds(2))).isTrue();
        assertThat(instance.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    }
}
