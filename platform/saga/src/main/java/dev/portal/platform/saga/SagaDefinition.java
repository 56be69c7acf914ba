package dev.portal.platform.saga;

import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.events.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A saga: a name, the type of its data (a record, stored as JSON) and its steps, read top to bottom. Each step has
 * an action and, when its effect can be undone, a compensation. A definition is a bean of the service, so the
 * engine can resume stored instances by name after a restart.
 *
 * <pre>{@code
 * SagaDefinition.named("fulfillment", Fulfillment.class)
 *         .step("create-whmcs-order").invoke(whmcs::createOrder).withCompensation(whmcs::cancelOrder)
 *         .step("activate-sim").invoke(freebit::activate).maxAttempts(20)
 *         .step("record-activation").invokeLocal(orders::recordActivation)
 *         .parkedEventsTo(Topics.FULFILLMENT_EVENTS)
 *         .build();
 * }</pre>
 *
 * Step names are stored in instances: rename a step only when no instance is on it.
 */
public final class SagaDefinition<D> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final Class<D> dataType;
    private final List<StepDefinition<D>> steps;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final Topic parkedTopic;
    private final Function<ParkedSaga<D>, DomainEvent> parkedEvent;
    private final SagaListener<D> listener;

    private SagaDefinition(Builder<D> builder) {
        this.name = builder.name;
        this.dataType = builder.dataType;
        this.steps = List.copyOf(builder.steps);
        for (int i = 0; i < steps.size(); i++) {
            positions.put(steps.get(i).name(), i);
        }
        this.parkedTopic = builder.parkedTopic;
        this.parkedEvent = builder.parkedEvent;
        this.listener = builder.listener;
    }

    /** Starts a definition; {@code name} is kebab-case and unique in the service. */
    public static <D> Builder<D> named(String name, Class<D> dataType) {
        return new Builder<>(name, dataType);
    }

    public String name() {
        return name;
    }

    public Class<D> dataType() {
        return dataType;
    }

    public List<StepDefinition<D>> steps() {
        return steps;
    }

    public Optional<StepDefinition<D>> step(String stepName) {
        Integer position = stepName == null ? null : positions.get(stepName);
        return position == null ? Optional.empty() : Optional.of(steps.get(position));
    }

    String firstStep() {
        return steps.getFirst().name();
    }

    /** The step after {@code stepName}, or null after the last one. */
    String next(String stepName) {
        int position = positions.get(stepName);
        return position + 1 < steps.size() ? steps.get(position + 1).name() : null;
    }

    /** The nearest step before {@code stepName} that has a compensation, or null when none has. */
    String previousCompensable(String stepName) {
        for (int i = positions.get(stepName) - 1; i >= 0; i--) {
            if (steps.get(i).hasCompensation()) {
                return steps.get(i).name();
            }
        }
        return null;
    }

    Topic parkedTopic() {
        return parkedTopic;
    }

    DomainEvent parkedEvent(ParkedSaga<D> parked) {
        return parkedEvent.apply(parked);
    }

    /** Tells the definition's listener, if it has one, of {@code change} (in the caller's transaction). */
    void changed(StepChange<D> change) {
        if (listener != null) {
            listener.changed(change);
        }
    }

    @Override
    public String toString() {
        return "SagaDefinition[" + name + ": " + String.join(" -> ", positions.keySet()) + "]";
    }

    /** Builds a definition; {@link #step(String)} adds steps in order. */
    public static final class Builder<D> {

        private final String name;
        private final Class<D> dataType;
        private final List<StepDefinition<D>> steps = new ArrayList<>();
        private int defaultMaxAttempts;
        private Topic parkedTopic;
        private Function<ParkedSaga<D>, DomainEvent> parkedEvent;
        private SagaListener<D> listener;

        private Builder(String name, Class<D> dataType) {
            this.name = requireName(name, "saga");
            this.dataType = Objects.requireNonNull(dataType, "dataType");
        }

        /**
         * Attempts per step before the saga parks, for the steps added after this call that do not say; without it,
         * {@code portal.saga.max-attempts}.
         */
        public Builder<D> maxAttempts(int attempts) {
            this.defaultMaxAttempts = requirePositive(attempts);
            return this;
        }

        public StepBuilder<D> step(String stepName) {
            return new StepBuilder<>(this, requireName(stepName, "step"));
        }

        /** Parks publish the generic {@link SagaParked} ({@code portal.saga.parked.v1}) on {@code topic}. */
        public Builder<D> parkedEventsTo(Topic topic) {
            return onParked(topic, SagaParked::of);
        }

        /** Parks publish the event {@code event} makes (a type of the service's own) on {@code topic}. */
        public Builder<D> onParked(Topic topic, Function<ParkedSaga<D>, DomainEvent> event) {
            this.parkedTopic = Objects.requireNonNull(topic, "topic");
            this.parkedEvent = Objects.requireNonNull(event, "event");
            return this;
        }

        /**
         * Tells {@code listener} of every step change, inside the transaction that records it (e.g. to publish the
         * change through the outbox with it). At most one listener per definition.
         */
        public Builder<D> onChange(SagaListener<D> listener) {
            if (this.listener != null) {
                throw new IllegalArgumentException("saga " + name + " already has a listener");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SagaDefinition<D> build() {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("saga " + name + " has no steps");
            }
            if (parkedTopic == null) {
                throw new IllegalArgumentException("saga " + name + " must say where its parked event goes: parkedEventsTo(topic)"
                        + " or onParked(topic, event)");
            }
            return new SagaDefinition<>(this);
        }

        private void add(StepDefinition<D> step) {
            if (steps.stream().anyMatch(existing -> existing.name().equals(step.name()))) {
                throw new IllegalArgumentException("saga " + name + " has two steps named " + step.name());
            }
            steps.add(step);
        }
    }

    /** One step being built: an action ({@code invoke} or {@code invokeLocal}), an optional compensation. */
    public static final class StepBuilder<D> {

        private final Builder<D> saga;
        private final String name;
        private StepAction<D> execute;
        private StepAction<D> compensation;
        private String compensationName;
        private boolean local;
        private int maxAttempts;

        private StepBuilder(Builder<D> saga, String name) {
            this.saga = saga;
            this.name = name;
        }

        /** The step calls another system (or may take long): it runs outside any transaction. */
        public StepBuilder<D> invoke(StepAction<D> action) {
            requireNoAction();
            this.execute = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * The step writes only this service's database: it runs in the transaction that records its success, so
         * its writes and the saga's progress commit together (or not at all).
         */
        public StepBuilder<D> invokeLocal(StepAction<D> action) {
            invoke(action);
            this.local = true;
            return this;
        }

        /** Undoes the step's effect when a later step fails permanently. */
        public StepBuilder<D> withCompensation(StepAction<D> action) {
            this.compensation = Objects.requireNonNull(action, "compensation");
            return this;
        }

        /**
         * As {@link #withCompensation(StepAction)}, with the compensation's own kebab-case name, which listeners see
         * ({@link StepChange#name()}) when it runs; the step log keeps the step's name with direction {@code COMPENSATE}.
         */
        public StepBuilder<D> withCompensation(String name, StepAction<D> action) {
            this.compensationName = requireName(name, "compensation");
            return withCompensation(action);
        }

        /** Attempts of this step (in each direction) before the saga parks on it. */
        public StepBuilder<D> maxAttempts(int attempts) {
            this.maxAttempts = requirePositive(attempts);
            return this;
        }

        public StepBuilder<D> step(String next) {
            finish();
            return saga.step(next);
        }

        public Builder<D> parkedEventsTo(Topic topic) {
            finish();
            return saga.parkedEventsTo(topic);
        }

        public Builder<D> onParked(Topic topic, Function<ParkedSaga<D>, DomainEvent> event) {
            finish();
            return saga.onParked(topic, event);
        }

        public Builder<D> onChange(SagaListener<D> listener) {
            finish();
            return saga.onChange(listener);
        }

        private void finish() {
            if (execute == null) {
                throw new IllegalArgumentException("step " + name + " of saga " + saga.name + " has no action: invoke(...)");
            }
            if (compensationName != null && saga.steps.stream().anyMatch(step -> compensationName.equals(step.name(Direction.COMPENSATE))
                    || compensationName.equals(step.name()))) {
                throw new IllegalArgumentException("saga " + saga.name + " has two steps or compensations named " + compensationName);
            }
            saga.add(new StepDefinition<>(name, execute, compensation, local, maxAttempts == 0 ? saga.defaultMaxAttempts : maxAttempts,
                    compensationName));
        }

        private void requireNoAction() {
            if (execute != null) {
                throw new IllegalArgumentException("step " + name + " of saga " + saga.name + " already has an action");
            }
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a " + what + " name must be kebab-case, was " + value);
        }
        return value;
    }

    private static int requirePositive(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        return attempts;
    }
}
