package dev.portal.platform.saga.testing;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.Topic;
import dev.portal.platform.saga.SagaDefinition;
import dev.portal.platform.saga.SagaInstance;
import dev.portal.platform.saga.SagaMonitor;
import dev.portal.platform.saga.SagaProperties;
import dev.portal.platform.saga.SagaRun;
import dev.portal.platform.saga.SagaSnapshot;
import dev.portal.platform.saga.SagaTimeline;
import dev.portal.platform.saga.SagaTransactions;
import dev.portal.platform.saga.Sagas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga engine without infrastructure, for unit tests of a definition: instances in memory, a clock that moves
 * only when the test says, no jitter, events and metrics recorded. Fake participants ({@link FakeParticipant}, or a
 * service's own) stand in for the systems the steps call. The test plays the leader with {@link #advance} and
 * {@link #runDue()}, and simulates a dead process with a participant that throws {@link SimulatedCrash}.
 *
 * <pre>{@code
 * SagaTestKit kit = SagaTestKit.create();
 * SagaRun<Order> run = kit.start(definition, "order-1", order);
 * assertThat(run.status()).isEqualTo(SagaStatus.WAITING);
 * kit.advance(Duration.ofSeconds(1));           // the leader retries
 * assertThat(kit.saga(definition, "order-1").status()).isEqualTo(SagaStatus.COMPLETED);
 * }</pre>
 */
public final class SagaTestKit {

    /** When every kit's clock starts. */
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** An event the engine published (through what would be the outbox). */
    public record Published(Topic topic, DomainEvent event) {
    }

    private final SagaProperties properties;
    private final MutableClock clock;
    private final InMemorySagaSteps steps;
    private final InMemorySagaInstances instances;
    private final List<Published> events;
    private final SimpleMeterRegistry meters;
    private final SagaTransactions transactions = new SagaTransactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final Sagas sagas;

    private SagaTestKit(SagaProperties properties) {
        this(properties, new MutableClock(START), new InMemorySagaSteps(), Collections.synchronizedList(new ArrayList<>()),
                new SimpleMeterRegistry(), "test-process");
    }

    private SagaTestKit(SagaProperties properties, MutableClock clock, InMemorySagaSteps steps, List<Published> events,
                        SimpleMeterRegistry meters, String owner) {
        this(properties, clock, steps, new InMemorySagaInstances(steps), events, meters, owner);
    }

    private SagaTestKit(SagaProperties properties, MutableClock clock, InMemorySagaSteps steps, InMemorySagaInstances instances,
                        List<Published> events, SimpleMeterRegistry meters, String owner) {
        this.properties = properties;
        this.clock = clock;
        this.steps = steps;
        this.instances = instances;
        this.events = events;
        this.meters = meters;
        this.sagas = new Sagas(instances, steps, transactions, (topic, event) -> events.add(new Published(topic, event)), clock,
                properties, owner, meters, () -> 0.0,
                JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    /**
     * Another process on the same stored instances and clock (a restart, or the next version of the service): its
     * engine knows no definitions until they are registered or started, and takes leases under another name.
     */
    public SagaTestKit restart() {
        return new SagaTestKit(properties, clock, steps, instances, events, meters, "test-process-" + UUID.randomUUID());
    }

    /** A kit with {@link #defaultProperties()}. */
    public static SagaTestKit create() {
        return new SagaTestKit(defaultProperties());
    }

    public static SagaTestKit create(SagaProperties properties) {
        return new SagaTestKit(properties);
    }

    /**
     * 5 attempts per step, back-off 1 s doubling up to 1 min without jitter, 1 min lease, stuck after 15 min.
     * Copy and change with {@link #properties(int, Duration, Duration)}.
     */
    public static SagaProperties defaultProperties() {
        return properties(5, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    public static SagaProperties properties(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        return new SagaProperties(true, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofSeconds(5), maxAttempts,
                firstBackoff, maxBackoff, 0.0, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofDays(30), "test-process");
    }

    public Sagas sagas() {
        return sagas;
    }

    public MutableClock clock() {
        return clock;
    }

    public SagaProperties properties() {
        return properties;
    }

    public <D> SagaRun<D> start(SagaDefinition<D> definition, String businessKey, D data) {
        return sagas.start(definition, businessKey, data);
    }

    /** Starts an instance whose run is expected to die ({@link SimulatedCrash}); returns its id. */
    public <D> UUID startAndCrash(SagaDefinition<D> definition, String businessKey, D data) {
        try {
            sagas.start(definition, businessKey, data);
        } catch (SimulatedCrash expected) {
            return sagas.find(definition, businessKey).orElseThrow().id();
        }
        throw new AssertionError("the run of " + definition.name() + " " + businessKey + " did not crash");
    }

    /** Plays the leader once: runs what is due now. */
    public int runDue() {
        return sagas.runDue();
    }

    /** Moves the clock, then plays the leader once. */
    public int advance(Duration duration) {
        clock.advance(duration);
        return runDue();
    }

    /**
     * Plays the leader until nothing is due any more, moving the clock to each next due time (at most
     * {@code limit} ahead): retries run out or succeed, leases of dead runs expire, deadlines pass.
     */
    public void runUntilSettled(Duration limit) {
        Instant end = clock.instant().plus(limit);
        for (int round = 0; round < 10_000; round++) {
            runDue();
            Optional<Instant> next = instances.all().stream().filter(i -> i.status().isActive())
                    .map(SagaInstance::nextAttemptAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder());
            if (next.isEmpty() || next.get().isAfter(end)) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        throw new AssertionError("sagas did not settle");
    }

    /** The newest instance of {@code definition} for {@code businessKey}. */
    public <D> SagaSnapshot<D> saga(SagaDefinition<D> definition, String businessKey) {
        return sagas.find(definition, businessKey).orElseThrow(() ->
                new AssertionError("no " + definition.name() + " instance for " + businessKey));
    }

    public SagaTimeline timeline(UUID id) {
        return sagas.timeline(id).orElseThrow(() -> new AssertionError("no saga instance " + id));
    }

    /** The lease a dead run leaves behind: advance past it to let the leader take over. */
    public Duration lease() {
        return properties.lease();
    }

    public List<Published> events() {
        return List.copyOf(events);
    }

    public <E extends DomainEvent> List<E> events(Class<E> type) {
        return events().stream().map(Published::event).filter(type::isInstance).map(type::cast).toList();
    }

    public SimpleMeterRegistry meters() {
        return meters;
    }

    /** A monitor over the kit's instances (stuck detection, counts). */
    public SagaMonitor monitor() {
        return new SagaMonitor(instances, transactions, sagas, properties, clock, meters);
    }
}
