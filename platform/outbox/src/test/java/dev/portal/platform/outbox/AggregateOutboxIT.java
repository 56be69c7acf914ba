package dev.portal.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portal.platform.test.WithInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An aggregate's state and its events commit together, or neither does, on real PostgreSQL. */
@SpringBootTest(classes = AggregateOutboxIT.App.class, properties = {
        "spring.application.name=aggregate-it", "portal.outbox.relay-enabled=false"})
@WithInfrastructure
class AggregateOutboxIT {

    @Autowired Parcels parcels;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void saving_an_aggregate_commits_its_state_and_its_event_in_one_transaction() {
        UUID id = UUID.randomUUID();

        transactions.executeWithoutResult(tx -> parcels.save(Parcel.register(id, "Tokyo")));

        assertThat(status(id)).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("select topic, event_type, payload::text from outbox where message_key = ?")
                .param(id.toString()).query((rs, n) -> rs.getString("topic") + " " + rs.getString("event_type") + " "
                        + rs.getString("payload")).single())
                .isEqualTo("tests.parcel.events portal.test.parcel-registered.v1 {\"parcelId\":\"" + id + "\",\"destination\":\"Tokyo\"}");
    }

    @Test
    void a_rollback_leaves_neither_the_state_nor_the_event() {
        UUID id = UUID.randomUUID();

        transactions.executeWithoutResult(tx -> {
            parcels.save(Parcel.register(id, "Tokyo"));
            tx.setRollbackOnly();
        });

        assertThat(rows(id)).isZero();
        assertThat(events(id)).isZero();
    }

    @Test
    void a_state_write_that_fails_at_commit_takes_its_already_written_event_with_it() {
        UUID id = UUID.randomUUID();

        // the check constraint refuses the row only when JPA flushes it, after the outbox row was inserted
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> parcels.save(Parcel.register(id, "nowhere"))))
                .hasRootCauseMessage("ERROR: new row for relation \"parcels\" violates check constraint \"parcels_destination_check\"\n"
                        + "  Detail: Failing row contains (" + id + ", nowhere, REGISTERED).");

        assertThat(rows(id)).isZero();
        assertThat(events(id)).isZero();
    }

    @Test
    void a_save_outside_a_transaction_writes_state_and_event_in_the_repositorys_own_transaction() {
        UUID id = UUID.randomUUID();

        parcels.save(Parcel.register(id, "Osaka"));

        assertThat(status(id)).isEqualTo("REGISTERED");
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void a_transition_saved_through_the_repository_commits_the_new_status_and_its_event() {
        UUID id = UUID.randomUUID();
        parcels.save(Parcel.register(id, "Nagoya"));

        transactions.executeWithoutResult(tx -> {
            Parcel parcel = parcels.findById(id).orElseThrow();
            parcel.dispatch();
            parcels.save(parcel);
        });

        assertThat(status(id)).isEqualTo("DISPATCHED");
        assertThat(jdbc.sql("select event_type from outbox where message_key = ? order by created_at, event_type")
                .param(id.toString()).query(String.class).list())
                .containsExactlyInAnyOrder("portal.test.parcel-registered.v1", "portal.test.parcel-dispatched.v1");
    }

    @Test
    void a_transition_on_a_managed_aggregate_that_is_never_saved_does_not_commit() {
        UUID id = UUID.randomUUID();
        parcels.save(Parcel.register(id, "Sapporo"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> parcels.findById(id).orElseThrow().dispatch()))
                .hasMessageContaining("changed with events that were never published");

        assertThat(status(id)).isEqualTo("REGISTERED");
        assertThat(events(id)).isEqualTo(1);
    }

    private String status(UUID id) {
        return jdbc.sql("select status from parcels where id = ?").param(id).query(String.class).single();
    }

    private long rows(UUID id) {
        return jdbc.sql("select count(*) from parcels where id = ?").param(id).query(Long.class).single();
    }

    private long events(UUID id) {
        return jdbc.sql("select count(*) from outbox where message_key = ?").param(id.toString()).query(Long.class).single();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
