package dev.portal.platform.stream;

import dev.portal.platform.events.EventEnvelope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Envelopes for the tests: a type, an id, a subject and JSON data, the rest fixed. */
final class Envelopes {

    static final URI SOURCE = URI.create("urn:portal:stream-test");

    private Envelopes() {
    }

    static EventEnvelope of(String type, String id, String subject, String json) {
        return new EventEnvelope(id, type, SOURCE, subject, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON,
                json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static EventEnvelope withExtensions(String type, String id, String subject, String json, Map<String, String> extensions,
                                        Map<String, String> traceContext) {
        return new EventEnvelope(id, type, SOURCE, subject, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON,
                json.getBytes(StandardCharsets.UTF_8), traceContext, extensions);
    }
}
