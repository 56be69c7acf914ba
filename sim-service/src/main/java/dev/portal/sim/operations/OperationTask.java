package dev.portal.sim.operations;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.portal.sim.config.SimProperties;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled execution behind every operation ({@code sim-operation}, instance id = operation id): it lives from
 * the request until the operation ends, each run one {@link OperationRunner#step}. A step that fails (Freebit or the
 * database away) runs again after a growing delay; an execution whose instance died is taken over.
 */
@Configuration(proxyBeanMethods = false)
class OperationTask {

    @Bean
    Task<Void> simOperationTask(OperationRunner runner, SimProperties properties) {
        return Tasks.custom(OperationRunner.TASK, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.operations().checkInterval(), 2.0))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.step(UUID.fromString(instance.getId())));
    }
}
