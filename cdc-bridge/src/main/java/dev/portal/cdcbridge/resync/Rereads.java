package dev.portal.cdcbridge.resync;

import dev.portal.clients.salesforce.SalesforceApiException;
import dev.portal.clients.salesforce.SalesforceClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads records again through the REST API: after a GAP_* event (by id) and for a resync (by LastModifiedDate). */
public class Rereads {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final SalesforceClient salesforce;
    private final JsonMapper json;

    public Rereads(SalesforceClient salesforce, JsonMapper json) {
        this.salesforce = salesforce;
        this.json = json;
    }

    /** The record's fields now (without {@code attributes}); empty when it no longer exists (deleted). */
    Optional<Map<String, Object>> read(String entity, String recordId) {
        if (!ID.matcher(recordId).matches()) {
            return Optional.empty(); // a wildcard such as 001* names no single record
        }
        try {
            return Optional.of(fields(salesforce.getTree(entity, recordId)));
        } catch (SalesforceApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Ids of the records of {@code entity} modified at or after {@code since}, oldest change first. */
    List<String> changedSince(String entity, Instant since) {
        if (!ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("not an object name: " + entity);
        }
        String literal = DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
        List<String> ids = new ArrayList<>();
        for (JsonNode record : salesforce.queryTrees("SELECT Id FROM " + entity + " WHERE LastModifiedDate >= " + literal
                + " ORDER BY LastModifiedDate ASC")) {
            ids.add(record.path("Id").asString());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(JsonNode record) {
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(record, Map.class));
        fields.remove("attributes");
        return fields;
    }
}
