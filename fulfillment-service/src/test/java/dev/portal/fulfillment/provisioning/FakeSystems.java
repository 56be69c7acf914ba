package dev.portal.fulfillment.provisioning;

import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.saga.testing.SimulatedCrash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * In-memory Salesforce, WHMCS and Freebit for unit tests of the fulfillment saga, each scripted operation by
 * operation: an operation's next calls can fail as a real system fails (away, answer lost, refused) or take the process
 * down before or after their effect. With no script, calls succeed.
 */
final class FakeSystems {

    /** What the next call of an operation does. */
    enum Next {
        /** The system is away: nothing happens. */
        UNAVAILABLE,
        /** The call is applied, then its answer is lost (a read timeout). */
        ANSWER_LOST,
        /** The process dies before the call. */
        CRASH_BEFORE,
        /** The process dies after the call was applied. */
        CRASH_AFTER
    }

    /** A transient failure of a fake system (the engine retries it). */
    static final class Away extends UpstreamFailure {

        private final Kind kind;

        Away(String system, String operation, Kind kind) {
            super(system, operation, kind.name().toLowerCase(Locale.ROOT), null);
            this.kind = kind;
        }

        @Override
        public Kind kind() {
            return kind;
        }
    }

    /** Per-operation scripts, and a count of the calls that reached the system. */
    abstract static class Scripted {

        private final String system;
        private final Map<String, Deque<Next>> scripts = new LinkedHashMap<>();
        private final Map<String, Integer> calls = new TreeMap<>();

        Scripted(String system) {
            this.system = system;
        }

        /** The next calls of {@code operation} do {@code next}, in order. */
        void on(String operation, Next... next) {
            scripts.computeIfAbsent(operation, ignored -> new ArrayDeque<>()).addAll(List.of(next));
        }

        /** Every call of {@code operation} from now on finds the system away. */
        void down(String operation) {
            Deque<Next> script = scripts.computeIfAbsent(operation, ignored -> new ArrayDeque<>());
            script.clear();
            for (int i = 0; i < 10_000; i++) {
                script.add(Next.UNAVAILABLE);
            }
        }

        void up(String operation) {
            scripts.remove(operation);
        }

        int calls(String operation) {
            return calls.getOrDefault(operation, 0);
        }

        <T> T call(String operation, Supplier<T> effect) {
            Deque<Next> script = scripts.get(operation);
            Next next = script == null ? null : script.poll();
            if (next == Next.CRASH_BEFORE) {
                throw new SimulatedCrash("before " + system + " " + operation);
            }
            if (next == Next.UNAVAILABLE) {
                throw new Away(system, operation, UpstreamFailure.Kind.UNAVAILABLE);
            }
            calls.merge(operation, 1, Integer::sum);
            T result = effect.get();
            if (next == Next.ANSWER_LOST) {
                throw new Away(system, operation, UpstreamFailure.Kind.TIMEOUT);
            }
            if (next == Next.CRASH_AFTER) {
                throw new SimulatedCrash("after " + system + " " + operation);
            }
            return result;
        }

        void run(String operation, Runnable effect) {
            call(operation, () -> {
                effect.run();
                return null;
            });
        }
    }

    static final class Salesforce extends Scripted implements SalesforceOrders {

        final Map<String, OrderRecord> orders = new LinkedHashMap<>();
        final Map<String, List<OrderItemRecord>> items = new LinkedHashMap<>();
        /** The Order fields each write set, in order: what Salesforce shows afterwards is the last value of each. */
        final Map<String, List<Map<String, String>>> writes = new LinkedHashMap<>();
        final Set<String> refusing = new java.util.HashSet<>();

        Salesforce() {
            super("salesforce");
        }

        void add(OrderRecord order, OrderItemRecord... orderItems) {
            orders.put(order.id(), order);
            items.put(order.id(), List.of(orderItems));
        }

        /** Salesforce refuses writes to the order (a validation rule). */
        void refuseWrites(String orderId) {
            refusing.add(orderId);
        }

        String field(String orderId, String field) {
            String value = null;
            for (Map<String, String> write : writes.getOrDefault(orderId, List.of())) {
                if (write.containsKey(field)) {
                    value = write.get(field);
                }
            }
            return value;
        }

        List<String> activationStatuses(String orderId) {
            return writes.getOrDefault(orderId, List.of()).stream().map(w -> w.get("Activation_Status__c")).toList();
        }

        @Override
        public Optional<OrderRecord> order(String orderId) {
            return call("order", () -> Optional.ofNullable(orders.get(orderId)));
        }

        @Override
        public List<OrderItemRecord> items(String orderId) {
            return call("items", () -> items.getOrDefault(orderId, List.of()));
        }

        @Override
        public void markActivating(String orderId) {
            write("markActivating", orderId, Map.of("Activation_Status__c", "Activating", "Activation_Error__c", ""));
        }

        @Override
        public void markActivated(String orderId, long whmcsOrderId, List<Long> whmcsServiceIds) {
            write("markActivated", orderId, Map.of("Activation_Status__c", "Activated", "Activation_Error__c", "",
                    "WHMCS_Order_ID__c", Long.toString(whmcsOrderId), "WHMCS_Service_IDs__c",
                    String.join(",", whmcsServiceIds.stream().map(String::valueOf).toList())));
        }

        @Override
        public void markFailed(String orderId, String reason) {
            write("markFailed", orderId, Map.of("Activation_Status__c", "Failed", "Activation_Error__c", reason));
        }

        private void write(String operation, String orderId, Map<String, String> fields) {
            run(operation, () -> {
                if (refusing.contains(orderId)) {
                    throw new ParticipantRefused("salesforce", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "a validation rule refused the update");
                }
                writes.computeIfAbsent(orderId, ignored -> new ArrayList<>()).add(fields);
            });
        }
    }

    static final class Whmcs extends Scripted implements WhmcsOrders {

        /** An order WHMCS holds: its services carry the reference. */
        static final class Order {
            final long id;
            final long clientId;
            final String gateway;
            final List<NewLine> lines;
            final List<Long> serviceIds;
            String status = "Pending";

            Order(long id, long clientId, String gateway, List<NewLine> lines, List<Long> serviceIds) {
                this.id = id;
                this.clientId = clientId;
                this.gateway = gateway;
                this.lines = lines;
                this.serviceIds = serviceIds;
            }
        }

        final Map<Long, String> gateways = new LinkedHashMap<>();
        final Map<Long, Long> referenceFields = new LinkedHashMap<>();
        final Map<Long, Order> orders = new TreeMap<>();
        final Set<Long> closed = new java.util.HashSet<>();
        /** WHMCS's message refusing every order (a setting is wrong), or null. */
        String refusingOrders;
        private long nextOrder = 100;
        private long nextService = 500;

        Whmcs() {
            super("whmcs");
        }

        /** Every product has the reference field {@code pid * 10 + 2}, as in the sandbox. */
        @Override
        public OptionalLong customFieldId(long productId, String fieldName) {
            return call("customFieldId", () -> referenceFields.containsKey(productId) ? OptionalLong.of(referenceFields.get(productId))
                    : fieldName.equals("Portal Order") ? OptionalLong.of(productId * 10 + 2) : OptionalLong.empty());
        }

        @Override
        public Optional<String> paymentGateway(long clientId) {
            return call("paymentGateway", () -> Optional.ofNullable(gateways.get(clientId)));
        }

        @Override
        public Optional<PlacedOrder> findByReference(long clientId, String fieldName, String reference) {
            return call("findByReference", () -> orders.values().stream()
                    .filter(o -> o.clientId == clientId && !o.status.equals("Cancelled")
                            && o.lines.stream().anyMatch(l -> l.reference().equals(reference)))
                    .findFirst().map(o -> new PlacedOrder(o.id, o.serviceIds)));
        }

        @Override
        public PlacedOrder place(NewOrder order) {
            return call("place", () -> {
                if (refusingOrders != null) {
                    throw new ParticipantRefused("whmcs", refusingOrders, refusingOrders);
                }
                if (closed.contains(order.clientId())) {
                    throw new ParticipantRefused("whmcs", "Unable to add order when client status is Closed",
                            "Unable to add order when client status is Closed");
                }
                List<Long> services = new ArrayList<>();
                order.lines().forEach(line -> {
                    for (int i = 0; i < line.quantity(); i++) {
                        services.add(nextService++);
                    }
                });
                Order placed = new Order(nextOrder++, order.clientId(), order.paymentGateway(), order.lines(), services);
                orders.put(placed.id, placed);
                return new PlacedOrder(placed.id, services);
            });
        }

        @Override
        public Optional<String> status(long orderId) {
            return call("status", () -> Optional.ofNullable(orders.get(orderId)).map(o -> o.status));
        }

        @Override
        public void accept(long orderId) {
            run("accept", () -> {
                Order order = orders.get(orderId);
                if (order == null || !order.status.equals("Pending")) {
                    throw new ParticipantRefused("whmcs", "Order ID not found or Status not Pending", "Order ID not found or Status not Pending");
                }
                order.status = "Active";
            });
        }

        @Override
        public void cancel(long orderId) {
            run("cancel", () -> {
                Order order = orders.get(orderId);
                if (order == null || !order.status.equals("Pending")) {
                    throw new ParticipantRefused("whmcs", "Order ID not found or Status not Pending", "Order ID not found or Status not Pending");
                }
                order.status = "Cancelled";
            });
        }

        List<Order> ordersWithReference(String reference) {
            return orders.values().stream().filter(o -> o.lines.stream().anyMatch(l -> l.reference().equals(reference))).toList();
        }
    }

    static final class Freebit extends Scripted implements SimLines {

        /** An activation Freebit was asked for. */
        record Activation(String msisdn, String planCode, String eid, String contractLine) {
        }

        final Map<String, String> lines = new LinkedHashMap<>();
        final List<Activation> activations = new ArrayList<>();
        final Map<String, String> refusals = new LinkedHashMap<>();
        /** Whether an activation is done as soon as it is asked for (else {@link #complete} finishes it). */
        boolean activatesAtOnce;

        Freebit() {
            super("freebit");
        }

        /** Freebit refuses to activate {@code msisdn} with {@code resultCode}. */
        void refuse(String msisdn, String resultCode) {
            refusals.put(msisdn, resultCode);
        }

        /** Freebit finishes the activation of {@code msisdn}. */
        void complete(String msisdn) {
            lines.put(msisdn, "active");
        }

        @Override
        public Optional<String> state(String msisdn) {
            return call("state", () -> Optional.ofNullable(lines.get(msisdn)));
        }

        @Override
        public void activate(String msisdn, String planCode, String eid, String contractLine) {
            run("activate", () -> {
                if (refusals.containsKey(msisdn)) {
                    throw new ParticipantRefused("freebit", refusals.get(msisdn), "resultCode " + refusals.get(msisdn) + ": activation refused");
                }
                if (lines.containsKey(msisdn)) {
                    throw new ParticipantRefused("freebit", "233", "account exists");
                }
                activations.add(new Activation(msisdn, planCode, eid, contractLine));
                lines.put(msisdn, activatesAtOnce ? "active" : "processing");
            });
        }
    }

    private FakeSystems() {
    }
}
