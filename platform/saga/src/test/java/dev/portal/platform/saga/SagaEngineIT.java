package dev.portal.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portal.platform.events.Topics;
import dev.portal.platform.outbox.Outbox;
import dev.portal.platform.saga.TripSaga.Trip;
import dev.portal.platform.saga.testing.FakeParticipant;
import dev.portal.platform.saga.testing.SimulatedCrash;
import dev.portal.platform.service.LeaderLock;
import dev.portal.platform.test.TestInfrastructure;
import dev.portal.platform.test.WithInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine on real PostgreSQL with several engines ("processes") sharing one database: JPA mapping, the unique
 * business key under concurrent starts, local steps' transactions, resuming a dead process's run after its lease,
 * one leader running retries, parking through the outbox, signals from another process, and skip-locked claims.
 */
@SpringBootTest(classes = SagaEngineIT.App.class, properties = {
        "spring.application.name=saga-it", "portal.outbox.relay-enabled=false", "portal.saga.leader-enabled=false",
        "portal.saga.lease=2s", "portal.saga.first-backoff=200ms", "portal.saga.max-backoff=1s", "portal.saga.jitter=0",
        "portal.saga.max-attempts=4", "portal.saga.poll-interval=50ms", "portal.saga.leader-check-interval=200ms"})
@WithInfrastructure
class SagaEngineIT {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Autowired SagaInstances instances;
    @Autowired SagaSteps steps;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    @Autowired SagaProperties properties;
    @Autowired MeterRegistry meters;
    @Autowired DataSourceProperties dataSource;

    private final List<SagaLeader> leaders = new ArrayList<>();

    @AfterEach
    void stopLeaders() {
        leaders.forEach(SagaLeader::stop);
    }

    @Test
    void a_saga_is_stored_as_an_instance_row_with_json_data_and_a_step_log() {
        TripSaga trip = new TripSaga();
        Sagas sagas = engine("process-a");

        SagaRun<Trip> run = sagas.start(trip.definition(), key(), Trip.of("aiko"));

        assertThat(run.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(jdbc.sql("select data ->> 'traveller' from saga_instances where id = ?").param(run.saga().id())
                .query(String.class).single()).isEqualTo("aiko");
        assertThat(jdbc.sql("select step || ':' || direction || ':' || status from saga_steps where instance_id = ? order by ordinal")
                .param(run.saga().id()).query(String.class).list())
                .containsExactly("book-hotel:EXECUTE:SUCCEEDED", "charge-card:EXECUTE:SUCCEEDED", "send-tickets:EXECUTE:SUCCEEDED");
        SagaTimeline timeline = sagas.timeline(run.saga().id()).orElseThrow();
        assertThat(timeline.finishedAt()).isNotNull();
        assertThat(timeline.steps()).allSatisfy(entry -> assertThat(entry.finishedAt()).isNotNull());
    }

    @Test
    void callers_starting_the_same_business_key_at_once_share_one_instance() throws Exception {
        TripSaga trip = new TripSaga();
        SagaDefinition<Trip> definition = trip.definition();
        Sagas sagas = engine("process-a");
        String key = key();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SagaRun<Trip>>> runs = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                runs.add(callers.submit(() -> {
                    go.await();
                    return sagas.start(definition, key, Trip.of("aiko"));
                }));
            }
            go.countDown();
            Set<UUID> ids = ConcurrentHashMap.newKeySet();
            int created = 0;
            for (Future<SagaRun<Trip>> run : runs) {
                ids.add(run.get().saga().id());
                created += run.get().created() ? 1 : 0;
            }

            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from saga_instances where business_key = ?").param(key).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(trip.hotel.calls()).hasSize(1);
    }

    @Test
    void a_local_step_commits_its_writes_with_the_record_of_its_success_and_rolls_them_back_when_it_does_not_succeed() {
        SagaDefinition<Trip> ledger = SagaDefinition.named("ledger", Trip.class)
                .step("book").invokeLocal(c -> {
                    jdbc.sql("insert into ledger_entries (idempotency_key, amount) values (?, 100)").param(c.idempotencyKey()).update();
                    return c.attempt() == 1 ? c.retryLater("the first attempt is undone") : c.done();
                })
                .parkedEventsTo(Topics.ORDER_EVENTS).build();
        Sagas sagas = engine("process-a");

        SagaRun<Trip> first = sagas.start(ledger, key(), Trip.of("aiko"));
        assertThat(first.status()).isEqualTo(SagaStatus.WAITING);
        assertThat(ledgerEntries(first.saga().id() + ":book")).as("rolled back with the failed attempt").isZero();

        SagaRun<Trip> second = sagas.resume(ledger, first.saga().id());

        assertThat(second.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(ledgerEntries(first.saga().id() + ":book")).isEqualTo(1);
    }

    @Test
    void a_run_whose_process_died_is_resumed_by_another_process_once_its_lease_has_expired() {
        TripSaga tripA = new TripSaga();
        tripA.card.then(FakeParticipant.Reply.CRASH_AFTER);
        TripSaga tripB = new TripSaga();
        Sagas processA = engine("process-a");
        Sagas processB = engine("process-b");
        processB.register(tripB.definition());
        String key = key();

        try {
            processA.start(tripA.definition(), key, Trip.of("aiko"));
            throw new AssertionError("process A should have died");
        } catch (SimulatedCrash expected) {
            // the process is gone: its lease is left behind
        }
        UUID id = processB.find(tripB.definition(), key).orElseThrow().id();
        assertThat(processB.timeline(id).orElseThrow().status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(processB.runDue()).as("the lease of process A still holds").isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> processB.runDue() == 1);

        SagaTimeline resumed = processB.timeline(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(resumed.entry("charge-card", Direction.EXECUTE).orElseThrow().attempts()).isEqualTo(2);
        assertThat(tripB.card.calls()).containsExactly(id + ":charge-card");
        assertThat(tripA.hotel.calls()).hasSize(1);
        assertThat(tripB.hotel.calls()).as("a step recorded as done is not repeated").isEmpty();
    }

    @Test
    void with_two_engines_on_one_database_only_the_leader_runs_retries_and_the_other_takes_over_when_it_stops() {
        List<String> retriesBy = new CopyOnWriteArrayList<>();
        Sagas processA = engine("process-a");
        Sagas processB = engine("process-b");
        SagaDefinition<Trip> flakyA = flaky("process-a", retriesBy);
        processA.register(flakyA);
        processB.register(flaky("process-b", retriesBy));
        SagaLeader leaderA = leader(processA);
        SagaLeader leaderB = leader(processB);
        await().atMost(Duration.ofSeconds(30)).until(() -> leaderA.isLeader() || leaderB.isLeader());
        SagaLeader leading = leaderA.isLeader() ? leaderA : leaderB;
        String leadingProcess = leading == leaderA ? "process-a" : "process-b";

        List<UUID> first = startFlaky(processA, flakyA, 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> allCompleted(processA, first));

        assertThat(leaderA.isLeader() && leaderB.isLeader()).isFalse();
        assertThat(retriesBy).hasSize(8).containsOnly(leadingProcess);

        leading.stop();
        SagaLeader other = leading == leaderA ? leaderB : leaderA;
        await().atMost(Duration.ofSeconds(30)).until(other::isLeader);
        retriesBy.clear();
        List<UUID> second = startFlaky(processA, flakyA, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> allCompleted(processA, second));

        assertThat(retriesBy).hasSize(4).containsOnly(leadingProcess.equals("process-a") ? "process-b" : "process-a");
    }

    @Test
    void a_saga_out_of_attempts_parks_with_its_event_in_the_outbox_and_an_operator_retry_completes_it() {
        TripSaga trip = new TripSaga();
        trip.card.staysDown();
        Sagas sagas = engine("process-a");
        leader(sagas);

        UUID id = sagas.start(trip.definition(), key(), Trip.of("aiko")).saga().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> sagas.timeline(id).orElseThrow().status() == SagaStatus.PARKED);

        SagaTimeline parked = sagas.timeline(id).orElseThrow();
        assertThat(parked.reason()).contains("charge-card failed 4 times");
        assertThat(trip.card.calls()).hasSize(4);
        assertThat(jdbc.sql("select event_type || ' ' || topic from outbox where message_key = ?").param(id.toString())
                .query(String.class).single()).isEqualTo("portal.saga.parked.v1 " + Topics.ORDER_EVENTS.name());
        assertThat(meters.get("portal.saga.parked").tags("saga", "trip", "step", "charge-card").counter().count()).isPositive();

        trip.card.recovers();
        SagaTimeline retried = sagas.retry(id);

        assertThat(retried.status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void a_signal_sent_by_another_process_runs_the_waiting_step_in_that_process() {
        TripSaga tripA = new TripSaga();
        TripSaga tripB = new TripSaga();
        Sagas processA = engine("process-a");
        Sagas processB = engine("process-b");
        String key = key();

        SagaRun<Trip> waiting = processA.start(tripA.confirmedDefinition(Duration.ofHours(1)), key, Trip.of("aiko"));
        assertThat(waiting.status()).isEqualTo(SagaStatus.WAITING);

        SagaRun<Trip> signalled = processB.signal(tripB.confirmedDefinition(Duration.ofHours(1)), key, TripSaga.CONFIRMED,
                new TripSaga.Confirmation("aiko")).orElseThrow();

        assertThat(signalled.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(signalled.data().confirmedBy()).isEqualTo("aiko");
        assertThat(tripB.tickets.calls()).hasSize(1);
    }

    @Test
    void the_leader_skips_a_due_instance_another_transaction_has_locked() throws Exception {
        TripSaga trip = new TripSaga();
        trip.card.failsTransiently(1);
        Sagas sagas = engine("process-a");
        UUID id = sagas.start(trip.definition(), key(), Trip.of("aiko")).saga().id();
        jdbc.sql("update saga_instances set next_attempt_at = now() - interval '1 second' where id = ?").param(id).update();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        try (ExecutorService holder = Executors.newSingleThreadExecutor()) {
            Future<?> holding = holder.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("select id from saga_instances where id = ? for update").param(id).query(UUID.class).single();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();

            assertThat(sagas.claimDue()).extracting(SagaInstance::id).doesNotContain(id);

            release.countDown();
            holding.get();
        }
        assertThat(sagas.runDue()).isEqualTo(1);
        assertThat(sagas.timeline(id).orElseThrow().status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void a_service_that_already_has_migrations_gets_the_saga_tables_out_of_order() {
        String url = TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.postgres().createDatabase("saga-late"));
        String user = TestInfrastructure.postgres().username();
        String password = TestInfrastructure.postgres().password();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        var result = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", SagaAutoConfiguration.MIGRATIONS).outOfOrder(true).load().migrate();

        assertThat(result.migrations).extracting(migration -> migration.version).containsExactly("0.3", "0.3.1");
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    /** Another process's engine on the same database. */
    private Sagas engine(String owner) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        return new Sagas(instances, steps, new SagaTransactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        }, outbox::publish, Clock.systemUTC(), properties, owner, meters, () -> 0.0, JSON);
    }

    private SagaLeader leader(Sagas sagas) {
        SagaLeader leader = new SagaLeader(sagas, properties, () -> new LeaderLock(dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword(), SagaLeader.LEADER_KEY, "saga-it-" + sagas.owner()));
        leader.start();
        leaders.add(leader);
        return leader;
    }

    /** Fails its first two attempts; records which process ran each retry. */
    private static SagaDefinition<Trip> flaky(String process, List<String> retriesBy) {
        return SagaDefinition.named("flaky", Trip.class)
                .step("call").invoke(c -> {
                    if (c.attempt() > 1) {
                        retriesBy.add(process);
                    }
                    return c.attempt() <= 2 ? c.retryLater("not yet") : c.done();
                })
                .parkedEventsTo(Topics.ORDER_EVENTS).build();
    }

    private static List<UUID> startFlaky(Sagas sagas, SagaDefinition<Trip> definition, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sagas.start(definition, key(), Trip.of("traveller-" + i)).saga().id());
        }
        return ids;
    }

    private static boolean allCompleted(Sagas sagas, List<UUID> ids) {
        return ids.stream().allMatch(id -> sagas.timeline(id).orElseThrow().status() == SagaStatus.COMPLETED);
    }

    private int ledgerEntries(String key) {
        return jdbc.sql("select count(*) from ledger_entries where idempotency_key = ?").param(key).query(Integer.class).single();
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
