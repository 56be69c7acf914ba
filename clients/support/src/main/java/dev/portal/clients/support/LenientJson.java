package dev.portal.clients.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads vendor JSON the way vendors write it: unknown fields ignored, numbers and strings accepted for each
 * other, an empty string where an object or list was expected read as null, one value where a list was expected
 * read as a list. Anything that still cannot be read (HTML, truncated JSON, a wrong type) becomes an
 * {@link ExternalResponseException} naming what arrived.
 */
public final class LenientJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LenientJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The answer as a JSON tree; an answer that is not JSON is an {@link ExternalResponseException}. */
    public static JsonNode tree(String system, String operation, ExternalHttp.Response response) {
        requireJsonLooking(system, operation, response);
        try {
            return MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw unreadable(system, operation, response, e);
        }
    }

    /** The answer bound to {@code type}. */
    public static <T> T read(String system, String operation, ExternalHttp.Response response, Class<T> type) {
        requireJsonLooking(system, operation, response);
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw unreadable(system, operation, response, e);
        }
    }

    /** A tree (or part of one) bound to {@code type}. */
    public static <T> T convert(String system, String operation, int status, JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new ExternalResponseException(system, operation, status,
                    "cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage() + " in " + Excerpts.of(node.toString()), e);
        }
    }

    private static void requireJsonLooking(String system, String operation, ExternalHttp.Response response) {
        String text = response.text().stripLeading();
        if (text.isEmpty()) {
            throw new ExternalResponseException(system, operation, response.status(), "empty answer where JSON was expected", null);
        }
        if (text.charAt(0) == '<') {
            throw new ExternalResponseException(system, operation, response.status(),
                    "HTML or XML where JSON was expected (" + response.contentType() + "): " + response.excerpt(), null);
        }
    }

    private static ExternalResponseException unreadable(String system, String operation, ExternalHttp.Response response,
                                                        JacksonException e) {
        return new ExternalResponseException(system, operation, response.status(),
                "unreadable JSON (" + e.getOriginalMessage() + "): " + response.excerpt(), e);
    }
}
