package dev.portal.platform.saga;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A signal an instance received, with its payload (JSON; an empty object when none was given). */
public record Signal(String name, JsonNode payload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The payload as {@code type}. */
    public <T> T payloadAs(Class<T> type) {
        return JSON.treeToValue(payload, type);
    }
}
