package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.Field;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.SObject;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST resources, independent of HTTP so that {@code /composite} can run them as subrequests: queries with
 * their cursors, sObject reads and writes, and the org's daily API request count.
 */
@Component
@EnableConfigurationProperties(SalesforceRestSettings.class)
class SalesforceRestApi implements SeededState {

    /** A resource's answer: status, body (null for 204) and headers. */
    record Result(int status, Object body, Map<String, String> headers) {
        static Result of(int status, Object body) {
            return new Result(status, body, Map.of());
        }
    }

    private record Cursor(List<Map<String, Object>> rows, int batchSize, String version) {
    }

    private final SalesforceState data;
    private final SalesforceRestSettings settings;
    private final Map<String, Cursor> cursors = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger used = new AtomicInteger();
    private static final int RECEIVED_KEPT = 1000;

    /** The SOQL statements received, oldest first, so that tests can see exactly what a client sent. */
    private final ConcurrentLinkedDeque<String> received = new ConcurrentLinkedDeque<>();
    private volatile LocalDate usageDay;

    SalesforceRestApi(SalesforceState data, SalesforceRestSettings settings) {
        this.data = data;
        this.settings = settings;
        this.usageDay = today();
    }

    @Override
    public String system() {
        return SandboxSystems.SALESFORCE;
    }

    @Override
    public void reset() {
        cursors.clear();
        received.clear();
        used.set(0);
        usageDay = today();
    }

    SalesforceState data() {
        return data;
    }

    // ---- API usage ----

    /** Counts one request; false when the daily allocation is already used up. */
    boolean countRequest() {
        rollDay();
        int limit = settings.dailyApiLimit();
        return used.getAndUpdate(n -> n >= limit ? n : n + 1) < limit;
    }

    String limitInfo() {
        rollDay();
        return "api-usage=" + used.get() + "/" + settings.dailyApiLimit();
    }

    void setUsed(int requests) {
        rollDay();
        used.set(requests);
    }

    private void rollDay() {
        LocalDate today = today();
        if (!today.equals(usageDay)) {
            usageDay = today;
            used.set(0);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(data.instant(), ZoneOffset.UTC);
    }

    // ---- query ----

    /** The last {@value #RECEIVED_KEPT} SOQL statements received (REST and composite), oldest first. */
    List<String> receivedQueries() {
        return List.copyOf(received);
    }

    Result query(String version, String soql, Integer batchSize) {
        received.addLast(soql == null ? "" : soql);
        while (received.size() > RECEIVED_KEPT) {
            received.pollFirst();
        }
        SalesforceSoql.Query query = SalesforceSoql.parse(soql, data.instant());
        if (query.count()) {
            int total = SalesforceSoql.run(query, data, version).size();
            return Result.of(200, page(total, true, null, List.of()));
        }
        List<Map<String, Object>> rows = SalesforceSoql.run(query, data, version);
        int batch = batchSize == null ? settings.queryBatchSize() : Math.max(200, Math.min(2000, batchSize));
        if (rows.size() <= batch) {
            return Result.of(200, page(rows.size(), true, null, rows));
        }
        String locator = SalesforceIds.next("01g");
        synchronized (cursors) {
            while (cursors.size() >= settings.maxOpenCursors()) {
                cursors.remove(cursors.keySet().iterator().next());
            }
            cursors.put(locator, new Cursor(List.copyOf(rows), batch, version));
        }
        return Result.of(200, page(rows.size(), false, nextUrl(version, locator, batch), rows.subList(0, batch)));
    }

    Result queryMore(String version, String locatorAndOffset) {
        int dash = locatorAndOffset.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(locatorAndOffset.substring(0, dash));
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(locatorAndOffset.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (cursor == null || offset < 0 || offset >= cursor.rows().size()) {
            throw SalesforceRestError.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int end = Math.min(cursor.rows().size(), offset + cursor.batchSize());
        boolean done = end >= cursor.rows().size();
        String locator = locatorAndOffset.substring(0, dash);
        if (done) {
            cursors.remove(locator);
        }
        return Result.of(200, page(cursor.rows().size(), done, done ? null : nextUrl(version, locator, end), cursor.rows().subList(offset, end)));
    }

    private static String nextUrl(String version, String locator, int offset) {
        return "/services/data/v" + version + "/query/" + locator + "-" + offset;
    }

    private static Map<String, Object> page(int total, boolean done, String next, List<Map<String, Object>> records) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalSize", total);
        page.put("done", done);
        if (next != null) {
            page.put("nextRecordsUrl", next);
        }
        page.put("records", records);
        return page;
    }

    // ---- sObjects ----

    static SObject object(String type) {
        return SalesforceSchema.object(type).orElseThrow(SalesforceRestError::notFound);
    }

    Result retrieve(String version, String type, String rawId, String fields) {
        SObject object = object(type);
        Map<String, Object> record = existing(object, rawId, data::find);
        return Result.of(200, shape(object, record, fields, version));
    }

    Result retrieveByExternalId(String version, String type, String fieldName, String value, String fields) {
        SObject object = object(type);
        List<Map<String, Object>> matches = byExternalId(object, fieldName, value);
        if (matches.isEmpty()) {
            throw SalesforceRestError.notFound();
        }
        if (matches.size() > 1) {
            return multiple(version, object, matches);
        }
        return Result.of(200, shape(object, matches.getFirst(), fields, version));
    }

    Result create(SalesforceState.Tx tx, String version, String type, JsonNode body) {
        SObject object = object(type);
        Map<String, Object> values = SalesforceValues.fromBody(object, body, true, tx);
        completeOrderItem(object, values, tx);
        List<String> missing = object.required().stream().filter(name -> values.get(name) == null
                && !(name.equals("Status") && object.name().equals("Order"))).toList();
        if (!missing.isEmpty()) {
            throw new SalesforceRestError(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        String id = tx.create(object, values);
        return new Result(201, created(id, null), Map.of("Location", "/services/data/v" + version + "/sobjects/" + object.name() + "/" + id));
    }

    Result update(SalesforceState.Tx tx, String type, String rawId, JsonNode body) {
        SObject object = object(type);
        Map<String, Object> record = existing(object, rawId, tx::find);
        Map<String, Object> values = SalesforceValues.fromBody(object, body, false, tx);
        List<String> cleared = object.required().stream().filter(name -> values.containsKey(name) && values.get(name) == null).toList();
        if (!cleared.isEmpty()) {
            throw new SalesforceRestError(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: " + cleared, cleared);
        }
        tx.update(object, (String) record.get("Id"), values);
        return Result.of(204, null);
    }

    Result upsert(SalesforceState.Tx tx, String version, String type, String fieldName, String value, JsonNode body) {
        SObject object = object(type);
        List<Map<String, Object>> matches = byExternalId(object, fieldName, value);
        if (matches.size() > 1) {
            return multiple(version, object, matches);
        }
        Field field = object.field(fieldName).orElseThrow();
        if (matches.size() == 1) {
            update(tx, object.name(), (String) matches.getFirst().get("Id"), body);
            return Result.of(204, null);
        }
        if (field.name().equals("Id")) {
            throw SalesforceRestError.notFound();
        }
        JsonNode withKey = body != null && body.isObject() ? body.deepCopy() : body;
        if (withKey instanceof tools.jackson.databind.node.ObjectNode object2) {
            object2.put(field.name(), value);
        }
        Result result = create(tx, version, object.name(), withKey);
        String id = (String) ((Map<?, ?>) result.body()).get("id");
        return new Result(201, created(id, true), result.headers());
    }

    Result delete(SalesforceState.Tx tx, String type, String rawId) {
        SObject object = object(type);
        Map<String, Object> record = existing(object, rawId, tx::find);
        tx.delete(object, (String) record.get("Id"));
        return Result.of(204, null);
    }

    private List<Map<String, Object>> byExternalId(SObject object, String fieldName, String value) {
        Field field = object.field(fieldName).filter(Field::externalId).orElseThrow(() ->
                SalesforceRestError.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + fieldName));
        if (field.name().equals("Id")) {
            String id = SalesforceIds.normalize(value);
            return id == null ? List.of() : data.find(id).filter(r -> id.startsWith(object.prefix())).map(List::of).orElse(List.of());
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> record : data.all(object)) {
            Object stored = record.get(field.name());
            boolean same = stored instanceof Double number ? sameNumber(number, value) : stored != null && stored.toString().equalsIgnoreCase(value);
            if (same) {
                matches.add(record);
            }
        }
        return matches;
    }

    private static boolean sameNumber(Double number, String value) {
        try {
            return number == Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Result multiple(String version, SObject object, List<Map<String, Object>> matches) {
        List<String> urls = matches.stream().map(r -> "/services/data/v" + version + "/sobjects/" + object.name() + "/" + r.get("Id")).toList();
        return Result.of(300, urls);
    }

    private static Map<String, Object> existing(SObject object, String rawId,
                                                java.util.function.Function<String, java.util.Optional<Map<String, Object>>> find) {
        String id = SalesforceIds.normalize(rawId);
        if (id == null) {
            throw SalesforceRestError.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + rawId);
        }
        if (!id.startsWith(object.prefix())) {
            throw SalesforceRestError.notFound();
        }
        return find.apply(id).orElseThrow(SalesforceRestError::notFound);
    }

    /** Order products take their product from the price book entry when the request leaves it out. */
    private static void completeOrderItem(SObject object, Map<String, Object> values, SalesforceState.Tx tx) {
        if (object.name().equals("OrderItem") && values.get("Product2Id") == null && values.get("PricebookEntryId") != null) {
            tx.find((String) values.get("PricebookEntryId")).ifPresent(entry -> values.put("Product2Id", entry.get("Product2Id")));
        }
    }

    static Map<String, Object> created(String id, Boolean wasCreated) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("success", true);
        body.put("errors", List.of());
        if (wasCreated != null) {
            body.put("created", wasCreated);
        }
        return body;
    }

    private static Map<String, Object> shape(SObject object, Map<String, Object> record, String fields, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attributes", SalesforceSoql.attributes(object.name(), (String) record.get("Id"), version));
        if (fields == null || fields.isBlank()) {
            object.fieldNames().forEach(name -> body.put(name, record.get(name)));
            return body;
        }
        for (String requested : Arrays.stream(fields.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            Field field = object.field(requested).orElseThrow(() -> SalesforceRestError.invalidField(
                    "No such column '" + requested + "' on entity '" + object.name() + "'. If you are attempting to use a custom field,"
                            + " be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."));
            body.put(field.name(), record.get(field.name()));
        }
        body.putIfAbsent("Id", record.get("Id"));
        return body;
    }
}
