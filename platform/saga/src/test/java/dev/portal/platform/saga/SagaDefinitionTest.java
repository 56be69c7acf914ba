package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.events.Topics;
import org.junit.jupiter.api.Test;

class SagaDefinitionTest {

    record Data(String value) {
    }

    @Test
    void steps_are_read_top_to_bottom_and_compensations_walk_back_over_steps_without_one() {
        SagaDefinition<Data> definition = SagaDefinition.named("example", Data.class)
                .step("first").invoke(StepContext::done).withCompensation(StepContext::done)
                .step("second").invoke(StepContext::done)
                .step("third").invokeLocal(StepContext::done).maxAttempts(3)
                .parkedEventsTo(Topics.ORDER_EVENTS).build();

        assertThat(definition.steps()).extracting(StepDefinition::name).containsExactly("first", "second", "third");
        assertThat(definition.next("first")).isEqualTo("second");
        assertThat(definition.next("third")).isNull();
        assertThat(definition.previousCompensable("third")).isEqualTo("first");
        assertThat(definition.previousCompensable("first")).isNull();
        assertThat(definition.step("third").orElseThrow().local()).isTrue();
        assertThat(definition.step("third").orElseThrow().maxAttempts()).isEqualTo(3);
        assertThat(definition.step("second").orElseThrow().maxAttempts()).as("the engine's default").isZero();
    }

    @Test
    void names_are_kebab_case_and_steps_unique() {
        assertThatThrownBy(() -> SagaDefinition.named("Signup", Data.class)).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> SagaDefinition.named("signup", Data.class).step("step one"))
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> SagaDefinition.named("signup", Data.class)
                .step("a").invoke(StepContext::done).step("a").invoke(StepContext::done).parkedEventsTo(Topics.ORDER_EVENTS))
                .hasMessageContaining("two steps named a");
    }

    @Test
    void a_definition_needs_steps_with_actions_and_a_place_for_its_parked_events() {
        assertThatThrownBy(() -> SagaDefinition.named("empty", Data.class).parkedEventsTo(Topics.ORDER_EVENTS).build())
                .hasMessageContaining("no steps");
        assertThatThrownBy(() -> SagaDefinition.named("lazy", Data.class).step("a").parkedEventsTo(Topics.ORDER_EVENTS))
                .hasMessageContaining("has no action");
        assertThatThrownBy(() -> SagaDefinition.named("quiet", Data.class).step("a").invoke(StepContext::done)
                .onParked(Topics.ORDER_EVENTS, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("event");
    }
}
