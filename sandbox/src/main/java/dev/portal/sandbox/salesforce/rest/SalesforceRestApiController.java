package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.salesforce.oauth.SalesforceSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /salesforce/services/data/vXX.X/}: SOQL queries with paging, sObject create/read/update/upsert/delete and
 * composite requests, behind a Bearer session, counting every request against the daily allocation and
 * reporting it in {@code Sforce-Limit-Info}. Errors are Salesforce's error arrays.
 */
@RestController
@RequestMapping("/salesforce/services/data/{version}")
class SalesforceRestApiController {

    static final String LIMIT_INFO = "Sforce-Limit-Info";
    private static final Pattern VERSION = Pattern.compile("v(\\d{2,3})\\.0");
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
    private static final Pattern CLIENT = Pattern.compile("client\\s*=\\s*([^,;\\s]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SalesforceRestApi api;
    private final SalesforceSessions sessions;
    private final SalesforceCompositeRequests composite;

    SalesforceRestApiController(SalesforceRestApi api, SalesforceSessions sessions, SalesforceCompositeRequests composite) {
        this.api = api;
        this.sessions = sessions;
        this.composite = composite;
    }

    /** Who is calling and through which API version: what a change's origin and commit user are made of. */
    record Caller(String version, String changeOrigin, String userId) {
    }

    @GetMapping("/query")
    ResponseEntity<Object> query(@PathVariable String version, @RequestParam(name = "q", required = false) String q, HttpServletRequest request) {
        return handle(version, request, caller -> api.query(caller.version(), q, batchSize(request)));
    }

    @GetMapping("/query/{locator}")
    ResponseEntity<Object> queryMore(@PathVariable String version, @PathVariable String locator, HttpServletRequest request) {
        return handle(version, request, caller -> api.queryMore(caller.version(), locator));
    }

    @GetMapping("/sobjects/{type}/{id}")
    ResponseEntity<Object> retrieve(@PathVariable String version, @PathVariable String type, @PathVariable String id,
                                    @RequestParam(required = false) String fields, HttpServletRequest request) {
        return handle(version, request, caller -> api.retrieve(caller.version(), type, id, fields));
    }

    @GetMapping("/sobjects/{type}/{field}/{value}")
    ResponseEntity<Object> retrieveByExternalId(@PathVariable String version, @PathVariable String type, @PathVariable String field,
                                                @PathVariable String value, @RequestParam(required = false) String fields,
                                                HttpServletRequest request) {
        return handle(version, request, caller -> api.retrieveByExternalId(caller.version(), type, field, value, fields));
    }

    @PostMapping("/sobjects/{type}")
    ResponseEntity<Object> create(@PathVariable String version, @PathVariable String type,
                                  @RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(version, request, caller -> api.data().inTransaction(caller.changeOrigin(), caller.userId(),
                tx -> api.create(tx, caller.version(), type, json(body))));
    }

    @PatchMapping("/sobjects/{type}/{id}")
    ResponseEntity<Object> update(@PathVariable String version, @PathVariable String type, @PathVariable String id,
                                  @RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(version, request, caller -> api.data().inTransaction(caller.changeOrigin(), caller.userId(),
                tx -> api.update(tx, type, id, json(body))));
    }

    @PatchMapping("/sobjects/{type}/{field}/{value}")
    ResponseEntity<Object> upsert(@PathVariable String version, @PathVariable String type, @PathVariable String field,
                                  @PathVariable String value, @RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(version, request, caller -> api.data().inTransaction(caller.changeOrigin(), caller.userId(),
                tx -> api.upsert(tx, caller.version(), type, field, value, json(body))));
    }

    @DeleteMapping("/sobjects/{type}/{id}")
    ResponseEntity<Object> delete(@PathVariable String version, @PathVariable String type, @PathVariable String id,
                                  HttpServletRequest request) {
        return handle(version, request, caller -> api.data().inTransaction(caller.changeOrigin(), caller.userId(),
                tx -> api.delete(tx, type, id)));
    }

    @PostMapping("/composite")
    ResponseEntity<Object> composite(@PathVariable String version, @RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(version, request, caller -> composite.run(caller, json(body)));
    }

    @RequestMapping("/**")
    ResponseEntity<Object> unknown(@PathVariable String version, HttpServletRequest request) {
        return handle(version, request, caller -> {
            throw SalesforceRestError.notFound();
        });
    }

    private ResponseEntity<Object> handle(String version, HttpServletRequest request, Function<Caller, SalesforceRestApi.Result> resource) {
        Matcher v = VERSION.matcher(version);
        if (!v.matches() || Integer.parseInt(v.group(1)) < 37) {
            return error(SalesforceRestError.notFound());
        }
        String apiVersion = version.substring(1);
        Optional<SalesforceSessions.Session> session = sessions.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (session.isEmpty()) {
            return error(SalesforceRestError.of(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        }
        if (!api.countRequest()) {
            return error(SalesforceRestError.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        }
        Caller caller = new Caller(apiVersion, "com/salesforce/api/rest/" + apiVersion + ";client=" + client(request, session.get()),
                session.get().userId());
        try {
            SalesforceRestApi.Result result = resource.apply(caller);
            ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status()).header(LIMIT_INFO, api.limitInfo());
            result.headers().forEach(response::header);
            return result.body() == null ? response.build() : response.contentType(MediaType.APPLICATION_JSON).body(result.body());
        } catch (SalesforceRestError e) {
            return error(e);
        }
    }

    private ResponseEntity<Object> error(SalesforceRestError e) {
        return ResponseEntity.status(e.status()).header(LIMIT_INFO, api.limitInfo()).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    private static String client(HttpServletRequest request, SalesforceSessions.Session session) {
        String options = request.getHeader("Sforce-Call-Options");
        if (options != null) {
            Matcher client = CLIENT.matcher(options);
            if (client.find()) {
                return client.group(1);
            }
        }
        return session.clientId();
    }

    private static Integer batchSize(HttpServletRequest request) {
        String options = request.getHeader("Sforce-Query-Options");
        if (options == null) {
            return null;
        }
        Matcher size = BATCH_SIZE.matcher(options);
        return size.find() ? Integer.valueOf(size.group(1)) : null;
    }

    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw SalesforceRestError.of(400, "JSON_PARSER_ERROR", "Unexpected character in the request body: " + e.getOriginalMessage());
        }
    }
}
