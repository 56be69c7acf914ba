package dev.portal.platform.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderException;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.ObjectMapper;

/**
 * The binder's binding service, with one difference: a consumer binding is made only once the broker answers.
 * Making one reads the topic's partitions, which the Kafka binder retries for minutes when the broker is away,
 * holding up the start. Here an unanswered broker fails the attempt within {@link #PROBE_TIMEOUT}, and the binder's
 * own late binding ({@code spring.cloud.stream.binding-retry-interval}) tries again in the background: the service
 * starts without its broker and consumes once it is there.
 */
final class LateBindingService extends BindingService {

    private static final Logger log = LoggerFactory.getLogger(LateBindingService.class);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;

    LateBindingService(BindingServiceProperties properties, BinderFactory binderFactory, TaskScheduler scheduler,
                       ObjectMapper json, Map<String, Object> adminConfig) {
        super(properties, binderFactory, scheduler, json);
        this.adminConfig = adminConfig;
    }

    @Override
    public <T> Binding<T> doBindConsumer(T input, String inputName, Binder<T, ConsumerProperties, ?> binder,
                                         ConsumerProperties consumerProperties, String target) {
        return super.doBindConsumer(input, inputName, new OnceTheBrokerAnswers<>(binder), consumerProperties, target);
    }

    private boolean brokerAnswers() {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private final class OnceTheBrokerAnswers<T, C extends ConsumerProperties, P extends ProducerProperties> implements Binder<T, C, P> {

        private final Binder<T, C, P> delegate;

        @SuppressWarnings("unchecked")
        OnceTheBrokerAnswers(Binder<T, ConsumerProperties, ?> delegate) {
            this.delegate = (Binder<T, C, P>) delegate;
        }

        @Override
        public Binding<T> bindConsumer(String name, String group, T target, C properties) {
            boolean answers = brokerAnswers();
            log.debug("binding {} of group {}: broker answers: {}", name, group, answers);
            if (!answers) {
                throw new BinderException("Kafka does not answer at " + adminConfig.get("bootstrap.servers")
                        + "; consumer binding " + name + " waits for it");
            }
            return delegate.bindConsumer(name, group, target, properties);
        }

        @Override
        public Binding<T> bindProducer(String name, T outboundBindTarget, P producerProperties) {
            return delegate.bindProducer(name, outboundBindTarget, producerProperties);
        }
    }
}
