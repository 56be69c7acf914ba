package dev.portal.identity.signup;

import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.saga.testing.SimulatedCrash;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** In-memory WHMCS, Salesforce and users for unit tests of the signup sagas, each scripted call by call. */
final class FakeParticipants {

    /** What the next call does; when the script is empty, calls succeed. */
    enum Next {
        /** WHMCS or Salesforce is away: nothing happens. */
        UNAVAILABLE,
        /** The call is applied, then its answer is lost (a read timeout). */
        ANSWER_LOST,
        /** The system understood and refused. */
        REFUSED,
        /** The process dies before the call. */
        CRASH_BEFORE,
        /** The process dies after the call was applied. */
        CRASH_AFTER
    }

    static final class Failure extends UpstreamFailure {

        private final Kind kind;

        Failure(String system, String operation, Kind kind) {
            super(system, operation, kind.name().toLowerCase(java.util.Locale.ROOT), null);
            this.kind = kind;
        }

        @Override
        public Kind kind() {
            return kind;
        }
    }

    private abstract static class Scripted {

        private final Deque<Next> script = new ArrayDeque<>();

        void then(Next... next) {
            script.addAll(List.of(next));
        }

        void staysDown() {
            script.clear();
            for (int i = 0; i < 1_000; i++) {
                script.add(Next.UNAVAILABLE);
            }
        }

        void recovers() {
            script.clear();
        }

        /** Runs {@code effect} as the script says. */
        void call(String system, String operation, Runnable effect) {
            Next next = script.isEmpty() ? null : script.poll();
            if (next == null) {
                effect.run();
                return;
            }
            switch (next) {
                case UNAVAILABLE -> throw new Failure(system, operation, UpstreamFailure.Kind.UNAVAILABLE);
                case REFUSED -> throw new Failure(system, operation, UpstreamFailure.Kind.FAILED);
                case ANSWER_LOST -> {
                    effect.run();
                    throw new Failure(system, operation, UpstreamFailure.Kind.TIMEOUT);
                }
                case CRASH_BEFORE -> throw new SimulatedCrash("before " + system + " " + operation);
                case CRASH_AFTER -> {
                    effect.run();
                    throw new SimulatedCrash("after " + system + " " + operation);
                }
            }
        }
    }

    /** WHMCS with its clients by email. */
    static final class Whmcs extends Scripted implements WhmcsCustomers {

        final Map<String, Long> clients = new LinkedHashMap<>();
        /** The names each client was created with, then brought to. */
        final Map<Long, String> names = new LinkedHashMap<>();
        private long nextId = 100;

        @Override
        public OptionalLong clientIdByEmail(String email) {
            Long id = clients.get(email);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }

        @Override
        public long addClient(Registration registration) {
            long id = nextId;
            call("whmcs", "AddClient", () -> {
                clients.put(registration.email(), id);
                names.put(id, registration.firstName() + " " + registration.lastName());
                nextId++;
            });
            return id;
        }

        @Override
        public void updateContact(long clientId, Registration registration) {
            call("whmcs", "UpdateClient", () -> names.put(clientId, registration.firstName() + " " + registration.lastName()));
        }

        @Override
        public Optional<ExistingClient> verifiedClient(String email, String whmcsPassword) {
            throw new UnsupportedOperationException("the sagas never verify a password");
        }
    }

    /** Salesforce with the Accounts it marked registered. */
    static final class Salesforce extends Scripted implements SalesforceCustomers {

        record Marked(String accountId, int whmcsClientId, Instant registeredAt) {
        }

        final List<Marked> marked = new ArrayList<>();

        @Override
        public Optional<Account> byCustomerNumber(String customerNumber) {
            throw new UnsupportedOperationException("the sagas never look Accounts up");
        }

        @Override
        public List<String> contactEmails(String accountId) {
            throw new UnsupportedOperationException("the sagas never read contacts");
        }

        @Override
        public void markRegistered(String accountId, int whmcsClientId, Instant registeredAt) {
            call("salesforce", "update", () -> marked.add(new Marked(accountId, whmcsClientId, registeredAt)));
        }
    }

    /** The portal's users: registrations by user id, and emails already taken. */
    static final class Users extends Scripted implements PortalUsers {

        final Map<UUID, Registration> registered = new LinkedHashMap<>();
        final Map<String, UUID> emails = new LinkedHashMap<>();

        @Override
        public void register(Registration registration, Instant at) {
            call("users", "register", () -> {
                if (emails.containsKey(registration.email())) {
                    throw registration.existingClient() ? new AlreadyLinked() : new EmailTaken();
                }
                registered.put(registration.userId(), registration);
                emails.put(registration.email(), registration.userId());
            });
        }
    }

    /** The newest submission per business key, as a retried signup leaves it. */
    static final class Submissions implements dev.portal.identity.signup.Submissions {

        final Map<String, Submission> newest = new LinkedHashMap<>();

        @Override
        public Optional<Submission> newest(String businessKey) {
            return Optional.ofNullable(newest.get(businessKey));
        }

        @Override
        public void forget(String businessKey) {
            newest.remove(businessKey);
        }
    }

    private FakeParticipants() {
    }
}
