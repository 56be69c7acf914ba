package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import dev.portal.sandbox.salesforce.SalesforceRecordChange;
import dev.portal.sandbox.salesforce.SalesforceRecordsChanged;
import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.Field;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.SObject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The simulated org's records, in memory. Every change runs in a {@link Tx}: applied under one lock, undone on
 * rollback, and on commit published as one {@link SalesforceRecordsChanged} with a {@link SalesforceRecordChange} per record.
 */
@Component
class SalesforceState implements SeededState {

    static final DateTimeFormatter API_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    private final Map<String, Integer> autoNumbers = new HashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesforceState(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        reset();
    }

    @Override
    public String system() {
        return SandboxSystems.SALESFORCE;
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            records.clear();
            autoNumbers.clear();
            autoNumbers.put("Order", 100);
            autoNumbers.put("Case", 1000);
            SalesforceSeed.load(this);
        } finally {
            lock.unlock();
        }
    }

    String now() {
        return API_DATETIME.format(clock.instant());
    }

    Instant instant() {
        return clock.instant();
    }

    /** Stores a seeded record as is (no event). */
    void seed(String type, Map<String, Object> fields) {
        SObject object = SalesforceSchema.object(type).orElseThrow();
        Map<String, Object> record = blank(object);
        record.putAll(fields);
        if (object.autoNumberField() != null && record.get(object.autoNumberField()) == null) {
            record.put(object.autoNumberField(), nextNumber(object));
        }
        derive(object, record, (String) record.get("LastModifiedDate"));
        records.put((String) record.get("Id"), record);
    }

    /** A copy of the record with this 18-character id, if it exists. */
    Optional<Map<String, Object>> find(String id) {
        lock.lock();
        try {
            Map<String, Object> record = records.get(id);
            return Optional.ofNullable(record == null ? null : new LinkedHashMap<>(record));
        } finally {
            lock.unlock();
        }
    }

    /** Copies of every record of one object, in creation order. */
    List<Map<String, Object>> all(SObject object) {
        lock.lock();
        try {
            List<Map<String, Object>> list = new ArrayList<>();
            records.values().stream().filter(r -> ((String) r.get("Id")).startsWith(object.prefix()))
                    .forEach(r -> list.add(new LinkedHashMap<>(r)));
            return list;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String changeOrigin, String user, Function<Tx, T> work) {
        Tx tx = begin(changeOrigin, user);
        try {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    Tx begin(String changeOrigin, String user) {
        lock.lock();
        return new Tx(changeOrigin, user);
    }

    private Map<String, Object> blank(SObject object) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field field : object.fields().values()) {
            record.put(field.name(), field.type() == SalesforceSchema.Type.BOOLEAN ? Boolean.FALSE : null);
        }
        return record;
    }

    private String nextNumber(SObject object) {
        int n = autoNumbers.merge(object.name(), 1, Integer::sum);
        return String.format(object.autoNumberFormat(), n);
    }

    /** Fields Salesforce computes: a Case's IsClosed and ClosedDate (set when it closes, cleared when it reopens). */
    private static void derive(SObject object, Map<String, Object> record, String now) {
        if (object.name().equals("Case")) {
            boolean closed = "Closed".equals(record.get("Status"));
            record.put("IsClosed", closed);
            if (!closed) {
                record.put("ClosedDate", null);
            } else if (record.get("ClosedDate") == null) {
                record.put("ClosedDate", now);
            }
        }
        if (object.name().equals("Contact")) {
            String first = (String) record.get("FirstName");
            record.put("Name", first == null || first.isBlank() ? record.get("LastName") : first + " " + record.get("LastName"));
        }
    }

    /** One transaction; holds the data lock from begin to commit or rollback (same thread). */
    final class Tx {

        private final String changeOrigin;
        private final String user;
        private final List<Runnable> undo = new ArrayList<>();
        private final List<SalesforceRecordChange> changes = new ArrayList<>();
        private boolean open = true;

        private Tx(String changeOrigin, String user) {
            this.changeOrigin = changeOrigin;
            this.user = user;
        }

        Optional<Map<String, Object>> find(String id) {
            return Optional.ofNullable(records.get(id)).map(LinkedHashMap::new);
        }

        /** Creates a record from validated values; returns its id. */
        String create(SObject object, Map<String, Object> values) {
            Map<String, Object> record = blank(object);
            defaults(object, record);
            record.putAll(values);
            String id = SalesforceIds.next(object.prefix());
            String now = now();
            record.put("Id", id);
            record.put("CreatedDate", now);
            record.put("CreatedById", user);
            record.put("LastModifiedDate", now);
            record.put("LastModifiedById", user);
            record.put("SystemModstamp", now);
            if (object.autoNumberField() != null) {
                record.put(object.autoNumberField(), nextNumber(object));
            }
            derive(object, record, now);
            records.put(id, record);
            undo.add(() -> records.remove(id));
            Map<String, Object> fields = new LinkedHashMap<>();
            record.forEach((name, value) -> {
                boolean omitted = name.equals("Id") || name.equals("SystemModstamp") || (object.name().equals("PricebookEntry")
                        && List.of("CreatedById", "CreatedDate", "LastModifiedById", "LastModifiedDate").contains(name));
                if (value != null && !omitted) {
                    fields.put(name, eventValue(object, name, value));
                }
            });
            changes.add(new SalesforceRecordChange(object.name(), "CREATE", List.of(id), List.of(), fields, changeOrigin, user));
            return id;
        }

        /** Applies validated values to an existing record; returns the names of the fields that changed. */
        List<String> update(SObject object, String id, Map<String, Object> values) {
            Map<String, Object> record = records.get(id);
            Map<String, Object> before = new LinkedHashMap<>(record);
            Map<String, Object> after = new LinkedHashMap<>(record);
            after.putAll(values);
            String now = now();
            derive(object, after, now);
            List<String> changed = new ArrayList<>();
            after.forEach((name, value) -> {
                if (!Objects.equals(value, before.get(name))) {
                    changed.add(name);
                }
            });
            after.put("LastModifiedDate", now);
            after.put("LastModifiedById", user);
            after.put("SystemModstamp", now);
            records.put(id, after);
            undo.add(() -> records.put(id, before));
            Map<String, Object> fields = new LinkedHashMap<>();
            changed.forEach(name -> fields.put(name, eventValue(object, name, after.get(name))));
            fields.put("LastModifiedDate", eventValue(object, "LastModifiedDate", now));
            List<String> changedFields = new ArrayList<>(changed);
            changedFields.add("LastModifiedDate");
            changes.add(new SalesforceRecordChange(object.name(), "UPDATE", List.of(id), changedFields, fields, changeOrigin, user));
            return changed;
        }

        void delete(SObject object, String id) {
            Map<String, Object> before = records.remove(id);
            undo.add(() -> records.put(id, before));
            changes.add(new SalesforceRecordChange(object.name(), "DELETE", List.of(id), List.of(), Map.of(), changeOrigin, user));
        }

        void commit() {
            if (!open) {
                return;
            }
            open = false;
            try {
                if (!changes.isEmpty()) {
                    events.publishEvent(new SalesforceRecordsChanged(UUID.randomUUID().toString(), changes));
                }
            } finally {
                lock.unlock();
            }
        }

        void rollback() {
            if (!open) {
                return;
            }
            open = false;
            try {
                for (int i = undo.size() - 1; i >= 0; i--) {
                    undo.get(i).run();
                }
            } finally {
                lock.unlock();
            }
        }

        private void defaults(SObject object, Map<String, Object> record) {
            switch (object.name()) {
                case "Case" -> record.put("Status", "New");
                case "PricebookEntry" -> record.put("CurrencyIsoCode", "JPY");
                case "Order" -> record.put("Status", "Draft");
                default -> {
                }
            }
        }
    }

    private static Object eventValue(SObject object, String name, Object value) {
        if (value instanceof String text && object.field(name).map(f -> f.type() == SalesforceSchema.Type.DATETIME).orElse(false)) {
            return EVENT_DATETIME.format(SalesforceValues.parseDateTime(text));
        }
        return value;
    }
}
