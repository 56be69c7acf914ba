package dev.portal.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AggregateTest {

    @Test
    void a_transition_registers_its_event_until_the_repository_publishes_it() {
        UUID id = UUID.randomUUID();

        Parcel parcel = Parcel.register(id, "Tokyo");
        parcel.dispatch();

        assertThat(parcel.pendingEvents()).containsExactly(new Parcel.Registered(id.toString(), "Tokyo"),
                new Parcel.Dispatched(id.toString()));
    }

    @Test
    void an_event_that_is_not_an_outbox_event_is_refused() {
        Parcel parcel = Parcel.register(UUID.randomUUID(), "Tokyo");

        assertThatThrownBy(parcel::registerPlainEvent).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OutboxEvents only");
        assertThat(parcel.pendingEvents()).hasSize(1);
    }

    @Test
    void an_aggregate_is_new_until_stored_even_though_its_id_is_assigned() {
        Parcel parcel = Parcel.register(UUID.randomUUID(), "Tokyo");

        assertThat(parcel.isNew()).isTrue();
        parcel.stored();
        assertThat(parcel.isNew()).isFalse();
    }
}
