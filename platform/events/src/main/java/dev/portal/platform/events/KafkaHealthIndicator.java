package dev.portal.platform.events;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Readiness of the broker: it answers, and the topic catalogue exists on it. When the broker was away at
 * start-up the topics are declared again here, so a late broker heals without a restart.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MILLIS = 3000;

    private final KafkaAdmin admin;
    private final Collection<String> requiredTopics;
    private AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin, Collection<String> requiredTopics) {
        super("Kafka health check failed");
        this.admin = admin;
        this.requiredTopics = requiredTopics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        AdminClient adminClient = client();
        String clusterId = adminClient.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                .clusterId().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Set<String> missing = missingTopics(adminClient);
        if (!missing.isEmpty()) {
            admin.initialize();
            missing = missingTopics(adminClient);
        }
        builder.withDetail("clusterId", clusterId);
        if (missing.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("missingTopics", missing);
        }
    }

    private Set<String> missingTopics(AdminClient adminClient) throws Exception {
        Set<String> existing = adminClient.listTopics(new ListTopicsOptions().timeoutMs(TIMEOUT_MILLIS))
                .names().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Set<String> missing = new HashSet<>(requiredTopics);
        missing.removeAll(existing);
        return missing;
    }

    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(java.time.Duration.ofSeconds(2));
        }
    }
}
