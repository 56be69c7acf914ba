package dev.portal.platform.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start with a consumer binding the binder would only reject later, in a retry loop that never ends,
 * or that would dead-letter outside the suite's format: a dead-lettering binding needs a group (dead letters name
 * it, and an anonymous group has none) and at least two attempts (with one, the binder's own dead-letter path,
 * with other headers, takes over; {@code retryable-exceptions} is how a binding skips retries).
 */
final class BindingChecks implements SmartInitializingSingleton {

    private static final Pattern CONSUMER_BINDING = Pattern.compile(".+-in-\\d+");

    private final BindingServiceProperties bindings;
    private final Environment environment;

    BindingChecks(BindingServiceProperties bindings, Environment environment) {
        this.bindings = bindings;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        bindings.getBindings().keySet().stream().filter(name -> CONSUMER_BINDING.matcher(name).matches()).sorted().forEach(name -> {
            if (!deadLetters(name)) {
                return;
            }
            if (!StringUtils.hasText(bindings.getGroup(name))) {
                problems.add("spring.cloud.stream.bindings." + name + ".group is required: dead letters name the group "
                        + "(an instance-unique one for a broadcast, e.g. <service>-${portal.instance-id})");
            }
            ConsumerProperties consumer = bindings.getConsumerProperties(name);
            if (consumer.getMaxAttempts() < 2) {
                problems.add("spring.cloud.stream.bindings." + name + ".consumer.max-attempts must be at least 2 while "
                        + "dead letters are on, was " + consumer.getMaxAttempts()
                        + " (list exceptions not worth retrying under retryable-exceptions instead)");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("consumer bindings misconfigured: " + String.join("; ", problems));
        }
    }

    // The binder's extended properties live in its own child context; the environment answers the same question.
    private boolean deadLetters(String binding) {
        boolean byDefault = environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", Boolean.class, false);
        return environment.getProperty("spring.cloud.stream.kafka.bindings." + binding + ".consumer.enable-dlq", Boolean.class, byDefault);
    }
}
