package dev.portal.sim.records;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.portal.sim.config.SimProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the drop every {@code portal.sim.records.import-interval} on one instance at a time ({@code sim-records-import},
 * a db-scheduler recurring task: one execution row, picked by one scheduler), where an SFTP drop is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.sim.records", name = "import-enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "portal.clients.sftp", name = "host")
class RecordImportTask {

    static final String TASK = "sim-records-import";

    @Bean
    Task<Void> recordImportRecurringTask(RecordImport recordImport, SimProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.records().importInterval()))
                .execute((instance, context) -> recordImport.importDrop());
    }
}
