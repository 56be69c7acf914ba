package dev.portal.clients.salesforce;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.clients.support.ExternalCalls;
import dev.portal.clients.support.ExternalHttp;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.clients.support.LenientJson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce REST: SOQL queries (every page, following {@code nextRecordsUrl}), sObject reads and writes,
 * upsert by external id and composite requests, on the session {@link SalesforceAuth} provides. When the org
 * answers {@code 401 INVALID_SESSION_ID} the session is renewed once and the request repeated. Reads, updates,
 * upserts and deletes are retried on transient failures; creates and composite requests are sent once. The
 * {@code Sforce-Limit-Info} of the last answer is kept ({@link #apiUsage()}) and published as gauges.
 */
public class SalesforceClient {

    public static final String SYSTEM = "salesforce";
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
    private static final JsonMapper BODIES = LenientJson.mapper().rebuild()
            .changeDefaultPropertyInclusion(include -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();

    /** The org's API request count for the last 24 hours, as the last answer reported it. */
    public record ApiUsage(long used, long limit) {
    }

    /** The result of an upsert: the record id (null when the org answered 204 without a body) and whether it was created. */
    public record UpsertResult(String id, boolean created) {
    }

    /** One subrequest of a composite request; {@code url} may name earlier results as {@code @{referenceId.field}}. */
    public record Subrequest(String method, String url, String referenceId, Object body) {

        /** {@code POST sobjects/<type>}: the path below {@code /services/data/vXX.X/} is completed by the client. */
        public static Subrequest create(String referenceId, String type, Object fields) {
            return new Subrequest("POST", "sobjects/" + type, referenceId, fields);
        }

        public static Subrequest update(String referenceId, String type, String id, Object fields) {
            return new Subrequest("PATCH", "sobjects/" + type + "/" + id, referenceId, fields);
        }

        public static Subrequest upsert(String referenceId, String type, String externalIdField, String value, Object fields) {
            return new Subrequest("PATCH", "sobjects/" + type + "/" + externalIdField + "/" + UriUtils.encodePathSegment(value, StandardCharsets.UTF_8),
                    referenceId, fields);
        }

        public static Subrequest get(String referenceId, String type, String id) {
            return new Subrequest("GET", "sobjects/" + type + "/" + id, referenceId, null);
        }

        public static Subrequest delete(String referenceId, String type, String id) {
            return new Subrequest("DELETE", "sobjects/" + type + "/" + id, referenceId, null);
        }

        public static Subrequest query(String referenceId, String soql) {
            return new Subrequest("GET", "query?q=" + UriUtils.encodeQueryParam(soql, StandardCharsets.UTF_8), referenceId, null);
        }
    }

    /** One subrequest's answer. */
    public record SubResponse(JsonNode body, Map<String, String> httpHeaders, int httpStatusCode, String referenceId) {

        public boolean successful() {
            return httpStatusCode >= 200 && httpStatusCode < 300;
        }

        /** The error array of a failed subrequest (empty when it succeeded). */
        public List<SalesforceApiException.Error> errors() {
            return successful() || body == null ? List.of() : SalesforceClient.errors(body);
        }
    }

    /** A composite request's answers, one per subrequest, in order. */
    public record CompositeResponse(List<SubResponse> compositeResponse) {

        public boolean successful() {
            return compositeResponse.stream().allMatch(SubResponse::successful);
        }

        public Optional<SubResponse> byReference(String referenceId) {
            return compositeResponse.stream().filter(r -> referenceId.equals(r.referenceId())).findFirst();
        }

        /**
         * This answer when every subrequest succeeded; otherwise a {@link SalesforceApiException} with the status and
         * errors of the subrequest that failed first for a reason of its own (the {@code PROCESSING_HALTED} answers
         * an {@code allOrNone} request gives the others are left out).
         */
        public CompositeResponse orThrow() {
            if (successful()) {
                return this;
            }
            SubResponse failed = compositeResponse.stream().filter(r -> !r.successful())
                    .filter(r -> r.errors().stream().noneMatch(e -> "PROCESSING_HALTED".equals(e.errorCode())))
                    .findFirst()
                    .orElseGet(() -> compositeResponse.stream().filter(r -> !r.successful()).findFirst().orElseThrow());
            List<SalesforceApiException.Error> errors = failed.errors().isEmpty()
                    ? List.of(new SalesforceApiException.Error("HTTP_" + failed.httpStatusCode(), "subrequest " + failed.referenceId() + " failed", List.of()))
                    : failed.errors();
            throw new SalesforceApiException("composite", failed.httpStatusCode(), errors);
        }
    }

    private final SalesforceAuth auth;
    private final ExternalHttp http;
    private final SalesforceProperties settings;
    private final AtomicReference<ApiUsage> usage = new AtomicReference<>();
    private final AtomicLong usedGauge = new AtomicLong(-1);
    private final AtomicLong limitGauge = new AtomicLong(-1);

    public SalesforceClient(SalesforceAuth auth, ExternalHttp http, SalesforceProperties settings, MeterRegistry meters) {
        this.auth = auth;
        this.http = http;
        this.settings = settings;
        if (meters != null) {
            Gauge.builder("portal.clients.salesforce.api.requests", usedGauge, AtomicLong::get).tag("kind", "used")
                    .description("API requests used in the org's 24-hour window (Sforce-Limit-Info)").register(meters);
            Gauge.builder("portal.clients.salesforce.api.requests", limitGauge, AtomicLong::get).tag("kind", "limit")
                    .description("API requests allowed in the org's 24-hour window (Sforce-Limit-Info)").register(meters);
        }
    }

    /** The session source, shared with the streaming client. */
    public SalesforceAuth auth() {
        return auth;
    }

    /** The guard of this client's calls (breaker state). */
    public ExternalCalls calls() {
        return http.calls();
    }

    /** The last reported API usage; empty before the first answer that carried {@code Sforce-Limit-Info}. */
    public Optional<ApiUsage> apiUsage() {
        return Optional.ofNullable(usage.get());
    }

    // ---- queries ----

    /** Every record the query selects, each bound to {@code type} (field names as in the org, e.g. {@code Name}). */
    public <T> List<T> query(String soql, Class<T> type) {
        List<T> records = new ArrayList<>();
        for (JsonNode record : queryTrees(soql)) {
            records.add(LenientJson.convert(SYSTEM, "query", 200, record, type));
        }
        return records;
    }

    /** Every record the query selects, as JSON trees (with {@code attributes} and nested parent records). */
    public List<JsonNode> queryTrees(String soql) {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page = json("query", ExternalCalls.Repeat.SAFE, HttpMethod.GET,
                session -> api(session, "query?q=" + UriUtils.encodeQueryParam(soql, StandardCharsets.UTF_8)), null);
        while (true) {
            JsonNode batch = page.path("records");
            if (!batch.isArray()) {
                throw new ExternalResponseException(SYSTEM, "query", 200, "query answer without a records array: " + excerpt(page), null);
            }
            batch.forEach(records::add);
            if (page.path("done").asBoolean(true)) {
                return records;
            }
            String next = page.path("nextRecordsUrl").asString("");
            if (next.isEmpty()) {
                throw new ExternalResponseException(SYSTEM, "query", 200, "query answer not done but without nextRecordsUrl", null);
            }
            page = json("queryMore", ExternalCalls.Repeat.SAFE, HttpMethod.GET, session -> onInstance(session, next), null);
        }
    }

    /** The {@code totalSize} of a query, e.g. {@code SELECT COUNT() FROM Case WHERE IsClosed = false}. */
    public int count(String soql) {
        JsonNode page = json("query", ExternalCalls.Repeat.SAFE, HttpMethod.GET,
                session -> api(session, "query?q=" + UriUtils.encodeQueryParam(soql, StandardCharsets.UTF_8)), null);
        JsonNode total = page.path("totalSize");
        if (!total.isNumber()) {
            throw new ExternalResponseException(SYSTEM, "query", 200, "query answer without a numeric totalSize: " + excerpt(page), null);
        }
        return total.asInt();
    }

    // ---- sObjects ----

    /** One record bound to {@code type}; {@code 404 NOT_FOUND} is a {@link SalesforceApiException}. */
    public <T> T get(String sobject, String id, Class<T> type, String... fields) {
        return LenientJson.convert(SYSTEM, "get", 200, getTree(sobject, id, fields), type);
    }

    /** One record as a JSON tree (all fields, or only {@code fields}). */
    public JsonNode getTree(String sobject, String id, String... fields) {
        String path = "sobjects/" + sobject + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                + (fields.length == 0 ? "" : "?fields=" + UriUtils.encodeQueryParam(String.join(",", Arrays.asList(fields)), StandardCharsets.UTF_8));
        return json("get", ExternalCalls.Repeat.SAFE, HttpMethod.GET, session -> api(session, path), null);
    }

    /** The record, or empty when Salesforce answers {@code 404 NOT_FOUND}. */
    public <T> Optional<T> find(String sobject, String id, Class<T> type, String... fields) {
        try {
            return Optional.of(get(sobject, id, type, fields));
        } catch (SalesforceApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a record from {@code fields} (a map or a record; null values are left out); returns its id. Sent once. */
    public String create(String sobject, Object fields) {
        JsonNode result = json("create", ExternalCalls.Repeat.ONCE, HttpMethod.POST, session -> api(session, "sobjects/" + sobject), fields);
        String id = result.path("id").asString("");
        if (id.isEmpty()) {
            throw new ExternalResponseException(SYSTEM, "create", 201, "create answer without an id: " + excerpt(result), null);
        }
        return id;
    }

    /** Sets the given fields (a map may hold nulls to clear fields). */
    public void update(String sobject, String id, Object fields) {
        exchange("update", ExternalCalls.Repeat.SAFE, HttpMethod.PATCH,
                session -> api(session, "sobjects/" + sobject + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)), fields);
    }

    /**
     * Updates the record whose {@code externalIdField} equals {@code value}, or creates one; several matches are a
     * {@link SalesforceApiException} with status 300 and error code {@code MULTIPLE_RECORDS}.
     */
    public UpsertResult upsert(String sobject, String externalIdField, String value, Object fields) {
        ExternalHttp.Response response = exchange("upsert", ExternalCalls.Repeat.SAFE, HttpMethod.PATCH, session -> api(session,
                "sobjects/" + sobject + "/" + externalIdField + "/" + UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)), fields);
        if (response.status() == 204 || response.body().length == 0) {
            return new UpsertResult(null, false);
        }
        JsonNode body = LenientJson.tree(SYSTEM, "upsert", response);
        return new UpsertResult(body.path("id").asString(null), response.status() == 201 || body.path("created").asBoolean(false));
    }

    public void delete(String sobject, String id) {
        exchange("delete", ExternalCalls.Repeat.SAFE, HttpMethod.DELETE,
                session -> api(session, "sobjects/" + sobject + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)), null);
    }

    /**
     * Runs up to 25 subrequests as one composite request (one API call). Sent once. Failed subrequests are reported
     * in the answer (Salesforce answers HTTP 200 either way), not thrown.
     */
    public CompositeResponse composite(boolean allOrNone, List<Subrequest> subrequests) {
        if (subrequests.isEmpty() || subrequests.size() > 25) {
            throw new IllegalArgumentException("a composite request has 1 to 25 subrequests, got " + subrequests.size());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Subrequest sub : subrequests) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("method", sub.method());
            item.put("url", sub.url().startsWith("/services/data/") ? sub.url() : "/services/data/v" + settings.apiVersion() + "/" + sub.url());
            item.put("referenceId", sub.referenceId());
            if (sub.body() != null) {
                item.put("body", sub.body());
            }
            list.add(item);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("allOrNone", allOrNone);
        request.put("compositeRequest", list);
        JsonNode answer = json("composite", ExternalCalls.Repeat.ONCE, HttpMethod.POST, session -> api(session, "composite"), request);
        if (!answer.path("compositeResponse").isArray()) {
            throw new ExternalResponseException(SYSTEM, "composite", 200, "composite answer without compositeResponse: " + excerpt(answer), null);
        }
        return LenientJson.convert(SYSTEM, "composite", 200, answer, CompositeResponse.class);
    }

    // ---- the exchange ----

    private URI api(SalesforceAuth.Session session, String pathAndQuery) {
        return URI.create(session.instanceUrl() + "/services/data/v" + settings.apiVersion() + "/" + pathAndQuery);
    }

    private static URI onInstance(SalesforceAuth.Session session, String path) {
        return URI.create(session.instanceUrl() + path);
    }

    private JsonNode json(String operation, ExternalCalls.Repeat repeat, HttpMethod method, Function<SalesforceAuth.Session, URI> uri, Object body) {
        return LenientJson.tree(SYSTEM, operation, exchange(operation, repeat, method, uri, body));
    }

    /** Sends on the current session; on 401 renews it once and sends again. Non-2xx answers become exceptions. */
    private ExternalHttp.Response exchange(String operation, ExternalCalls.Repeat repeat, HttpMethod method,
                                           Function<SalesforceAuth.Session, URI> uri, Object body) {
        byte[] json = body == null ? null : BODIES.writeValueAsBytes(body);
        SalesforceAuth.Session session = auth.current();
        ExternalHttp.Response response = send(operation, repeat, method, uri.apply(session), session, json);
        if (response.status() == 401) {
            session = auth.renew(session);
            response = send(operation, repeat, method, uri.apply(session), session, json);
            if (response.status() == 401) {
                List<SalesforceApiException.Error> errors = errorsOf(operation, response);
                throw new SalesforceAuthenticationException(operation, 401,
                        errors.isEmpty() ? "INVALID_SESSION_ID" : errors.getFirst().errorCode(),
                        errors.isEmpty() ? "Session expired or invalid" : errors.getFirst().message());
            }
        }
        if (response.status() >= 300) {
            throw new SalesforceApiException(operation, response.status(), response.status() == 300 ? multiple(operation, response) : errorsOf(operation, response));
        }
        return response;
    }

    private ExternalHttp.Response send(String operation, ExternalCalls.Repeat repeat, HttpMethod method, URI uri,
                                       SalesforceAuth.Session session, byte[] json) {
        ExternalHttp.Response response = http.send(operation, repeat, rest -> {
            RestClient.RequestBodySpec request = rest.method(method).uri(uri)
                    .header("Authorization", "Bearer " + session.accessToken())
                    .accept(MediaType.APPLICATION_JSON);
            if (settings.callClient() != null && !settings.callClient().isBlank()) {
                request.header("Sforce-Call-Options", "client=" + settings.callClient());
            }
            if (settings.queryBatchSize() != null) {
                request.header("Sforce-Query-Options", "batchSize=" + settings.queryBatchSize());
            }
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return request;
        });
        recordUsage(response.headers().getFirst("Sforce-Limit-Info"));
        return response;
    }

    private void recordUsage(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher m = API_USAGE.matcher(limitInfo);
        if (m.find()) {
            ApiUsage now = new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            usage.set(now);
            usedGauge.set(now.used());
            limitGauge.set(now.limit());
        }
    }

    private static List<SalesforceApiException.Error> errorsOf(String operation, ExternalHttp.Response response) {
        if (response.body().length == 0) {
            return List.of(new SalesforceApiException.Error("HTTP_" + response.status(), "no body", List.of()));
        }
        JsonNode body = LenientJson.tree(SYSTEM, operation, response);
        List<SalesforceApiException.Error> errors = errors(body);
        if (errors.isEmpty()) {
            throw new ExternalResponseException(SYSTEM, operation, response.status(),
                    "HTTP " + response.status() + " without Salesforce's error array: " + response.excerpt(), null);
        }
        return errors;
    }

    static List<SalesforceApiException.Error> errors(JsonNode body) {
        List<SalesforceApiException.Error> errors = new ArrayList<>();
        JsonNode list = body.isArray() ? body : body.isObject() && body.has("errorCode") ? LenientJson.mapper().createArrayNode().add(body) : null;
        if (list == null) {
            return errors;
        }
        for (JsonNode error : list) {
            if (!error.isObject()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            error.path("fields").forEach(f -> fields.add(f.asString()));
            errors.add(new SalesforceApiException.Error(error.path("errorCode").asString(""), error.path("message").asString(""), fields));
        }
        return errors;
    }

    private static List<SalesforceApiException.Error> multiple(String operation, ExternalHttp.Response response) {
        JsonNode body = LenientJson.tree(SYSTEM, operation, response);
        List<String> urls = new ArrayList<>();
        body.forEach(url -> urls.add(url.asString()));
        return List.of(new SalesforceApiException.Error("MULTIPLE_RECORDS", "several records match: " + urls, List.of()));
    }

    private static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
