package dev.portal.sim.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on the service's own database: every feature's {@link Task} beans, one scheduler per instance, and
 * each execution run by exactly one of them (the row is picked with an update, kept alive by heartbeats, and taken
 * over by another instance when its heartbeats stop). The scheduler runs on the service's {@link Clock}, and writes
 * through a transaction-aware data source: work scheduled inside a transaction commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Schedules schedules(Scheduler scheduler, Clock clock) {
        return new Schedules(scheduler, clock);
    }

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SimProperties properties, Clock clock) {
        SimProperties.Scheduler settings = properties.scheduler();
        // one name per instance (several may share a host): shown in picked_by, so an operator sees who runs what
        String name = new SchedulerName.Hostname().getName() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        // tasks that act on start (recurring ones get their first execution, once whatever the number of instances)
        // are start tasks, which db-scheduler also knows; every other task is only known
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                tasks.stream().filter(task -> !(task instanceof OnStartup)).toList());
        builder.startTasks(recurring(tasks));
        return builder
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List recurring(List<Task<?>> tasks) {
        return tasks.stream().filter(OnStartup.class::isInstance).toList();
    }

    /**
     * Starts the scheduler once the context (and Flyway) is up. Stopping the context's lifecycle pauses it (a test
     * framework may pause a cached context and start it again; a db-scheduler cannot be started twice); closing the
     * context stops it for good ({@code destroyMethod}).
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SimProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;
            private boolean started;

            @Override
            public synchronized void start() {
                if (properties.scheduler().enabled()) {
                    if (started) {
                        scheduler.resume();
                    } else {
                        scheduler.start();
                        started = true;
                    }
                }
                running = true;
            }

            @Override
            public synchronized void stop() {
                if (started) {
                    scheduler.pause();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
