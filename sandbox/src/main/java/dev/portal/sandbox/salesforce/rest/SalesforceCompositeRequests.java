package dev.portal.sandbox.salesforce.rest;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /composite}: up to 25 subrequests run in order, later ones naming earlier results with
 * {@code @{referenceId.field}}; always HTTP 200 with a {@code compositeResponse} per subrequest. With
 * {@code allOrNone} the batch is one transaction: the first failure rolls everything back and every other
 * subrequest answers {@code PROCESSING_HALTED}. Without it each subrequest is its own transaction.
 */
@Component
class SalesforceCompositeRequests {

    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+(?:\\[\\d+])?)+)}");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern URL = Pattern.compile("/services/data/v(\\d{2,3}\\.0)/([^?]*)(?:\\?(.*))?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SalesforceRestApi api;

    SalesforceCompositeRequests(SalesforceRestApi api) {
        this.api = api;
    }

    private record Subrequest(String method, String url, String referenceId, JsonNode body) {
    }

    SalesforceRestApi.Result run(SalesforceRestApiController.Caller caller, JsonNode request) {
        if (request == null || !request.isObject() || !request.path("compositeRequest").isArray() || request.path("compositeRequest").isEmpty()) {
            throw SalesforceRestError.of(400, "JSON_PARSER_ERROR", "compositeRequest: a non-empty array of subrequests is required");
        }
        ArrayNode list = (ArrayNode) request.get("compositeRequest");
        if (list.size() > MAX_SUBREQUESTS) {
            throw SalesforceRestError.of(400, "INVALID_BATCH_REQUEST", "Composite request exceeds the maximum of " + MAX_SUBREQUESTS + " subrequests");
        }
        List<Subrequest> subrequests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : list) {
            String referenceId = item.path("referenceId").asString("");
            String method = item.path("method").asString("");
            String url = item.path("url").asString("");
            if (!REFERENCE_ID.matcher(referenceId).matches() || !ids.add(referenceId)) {
                throw SalesforceRestError.of(400, "JSON_PARSER_ERROR", "Invalid or duplicate referenceId: '" + referenceId + "'");
            }
            if (method.isEmpty() || url.isEmpty()) {
                throw SalesforceRestError.of(400, "JSON_PARSER_ERROR", "Subrequest " + referenceId + " needs a method and a url");
            }
            subrequests.add(new Subrequest(method.toUpperCase(), url, referenceId, item.get("body")));
        }
        boolean allOrNone = request.path("allOrNone").asBoolean(false);
        List<Map<String, Object>> responses = allOrNone ? allOrNone(caller, subrequests) : independent(caller, subrequests);
        return SalesforceRestApi.Result.of(200, Map.of("compositeResponse", responses));
    }

    private List<Map<String, Object>> allOrNone(SalesforceRestApiController.Caller caller, List<Subrequest> subrequests) {
        Map<String, JsonNode> results = new HashMap<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        SalesforceState.Tx tx = api.data().begin(caller.changeOrigin(), caller.userId());
        int failed = -1;
        try {
            for (int i = 0; i < subrequests.size(); i++) {
                Subrequest sub = subrequests.get(i);
                SalesforceRestApi.Result result = execute(tx, caller, sub, results);
                responses.add(response(sub.referenceId(), result));
                if (result.status() >= 400) {
                    failed = i;
                    break;
                }
                results.put(sub.referenceId(), JSON.valueToTree(result.body()));
            }
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        if (failed < 0) {
            tx.commit();
            return responses;
        }
        tx.rollback();
        List<Map<String, Object>> halted = new ArrayList<>();
        for (int i = 0; i < subrequests.size(); i++) {
            halted.add(i == failed ? responses.get(i) : response(subrequests.get(i).referenceId(), errorResult(SalesforceRestError.of(400, "PROCESSING_HALTED",
                    "The transaction was rolled back since another operation in the same transaction failed."))));
        }
        return halted;
    }

    private List<Map<String, Object>> independent(SalesforceRestApiController.Caller caller, List<Subrequest> subrequests) {
        Map<String, JsonNode> results = new HashMap<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Subrequest sub : subrequests) {
            SalesforceState.Tx tx = api.data().begin(caller.changeOrigin(), caller.userId());
            SalesforceRestApi.Result result;
            try {
                result = execute(tx, caller, sub, results);
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
            if (result.status() >= 400) {
                tx.rollback();
            } else {
                tx.commit();
                results.put(sub.referenceId(), JSON.valueToTree(result.body()));
            }
            responses.add(response(sub.referenceId(), result));
        }
        return responses;
    }

    private SalesforceRestApi.Result execute(SalesforceState.Tx tx, SalesforceRestApiController.Caller caller, Subrequest sub, Map<String, JsonNode> results) {
        try {
            String url = substitute(sub.url(), results, true);
            JsonNode body = sub.body() == null ? null : resolveBody(sub.body().deepCopy(), results);
            Matcher m = URL.matcher(url);
            if (!m.matches()) {
                throw SalesforceRestError.notFound();
            }
            String version = m.group(1);
            String[] path = m.group(2).split("/");
            Map<String, String> query = parameters(m.group(3));
            return switch (sub.method() + " " + path[0] + " " + path.length) {
                case "GET query 1" -> api.query(version, query.get("q"), null);
                case "GET query 2" -> api.queryMore(version, path[1]);
                case "GET sobjects 3" -> api.retrieve(version, path[1], path[2], query.get("fields"));
                case "GET sobjects 4" -> api.retrieveByExternalId(version, path[1], path[2], path[3], query.get("fields"));
                case "POST sobjects 2" -> api.create(tx, version, path[1], body);
                case "PATCH sobjects 3" -> api.update(tx, path[1], path[2], body);
                case "PATCH sobjects 4" -> api.upsert(tx, version, path[1], path[2], path[3], body);
                case "DELETE sobjects 3" -> api.delete(tx, path[1], path[2]);
                default -> throw SalesforceRestError.notFound();
            };
        } catch (SalesforceRestError e) {
            return errorResult(e);
        }
    }

    private static SalesforceRestApi.Result errorResult(SalesforceRestError e) {
        return SalesforceRestApi.Result.of(e.status(), e.body());
    }

    private static Map<String, Object> response(String referenceId, SalesforceRestApi.Result result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("body", result.body());
        response.put("httpHeaders", result.headers());
        response.put("httpStatusCode", result.status());
        response.put("referenceId", referenceId);
        return response;
    }

    private static JsonNode resolveBody(JsonNode node, Map<String, JsonNode> results) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString()) {
                    object.put(name, substitute(value.asString(), results, false));
                } else {
                    object.set(name, resolveBody(value, results));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.set(i, value.isString() ? JSON.getNodeFactory().stringNode(substitute(value.asString(), results, false)) : resolveBody(value, results));
            }
        }
        return node;
    }

    private static String substitute(String text, Map<String, JsonNode> results, boolean inUrl) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String referenceId = m.group(1);
            JsonNode value = results.get(referenceId);
            for (String step : m.group(2).substring(1).split("\\.")) {
                if (value == null) {
                    break;
                }
                int bracket = step.indexOf('[');
                value = bracket < 0 ? value.get(step)
                        : value.path(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
            if (value == null || value.isNull() || value.isContainer()) {
                throw SalesforceRestError.of(400, "PROCESSING_HALTED", "Invalid reference specified. No value for " + referenceId + m.group(2)
                        + " found in " + referenceId + ". Provided referenceId ('" + referenceId + "') must match a previous subrequest that succeeded.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.asString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
