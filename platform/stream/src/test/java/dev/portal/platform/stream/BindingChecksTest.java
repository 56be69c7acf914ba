package dev.portal.platform.stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.mock.env.MockEnvironment;

class BindingChecksTest {

    final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");

    @Test
    void a_dead_lettering_binding_without_a_group_stops_the_start_naming_the_setting() {
        BindingServiceProperties bindings = bindings("orders-in-0", null, 5);

        assertThatThrownBy(() -> new BindingChecks(bindings, environment).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.cloud.stream.bindings.orders-in-0.group is required");
    }

    @Test
    void a_dead_lettering_binding_with_a_single_attempt_stops_the_start_naming_the_setting() {
        BindingServiceProperties bindings = bindings("orders-in-0", "orders", 1);

        assertThatThrownBy(() -> new BindingChecks(bindings, environment).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.cloud.stream.bindings.orders-in-0.consumer.max-attempts must be at least 2");
    }

    @Test
    void without_dead_letters_neither_is_required() {
        BindingServiceProperties bindings = bindings("orders-in-0", null, 1);
        environment.setProperty("spring.cloud.stream.kafka.bindings.orders-in-0.consumer.enable-dlq", "false");

        assertThatCode(() -> new BindingChecks(bindings, environment).afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    @Test
    void a_complete_binding_passes() {
        BindingServiceProperties bindings = bindings("orders-in-0", "orders", 5);

        assertThatCode(() -> new BindingChecks(bindings, environment).afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    private static BindingServiceProperties bindings(String name, String group, int maxAttempts) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination("orders.order.events");
        binding.setGroup(group);
        ConsumerProperties consumer = new ConsumerProperties();
        consumer.setMaxAttempts(maxAttempts);
        binding.setConsumer(consumer);
        BindingServiceProperties properties = new BindingServiceProperties();
        properties.setBindings(Map.of(name, binding));
        return properties;
    }
}
