package dev.portal.clients.freebit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Voice options to change (PA05-06 {@code talkOption}); null leaves an option unchanged, at least one must be set.
 * Option names beyond {@code voiceMail} are the sandbox's [guess: the spec's list is not public].
 */
public record TalkOptions(Boolean voiceMail, Boolean callWaiting, Boolean worldCall, Boolean worldWing) {

    public TalkOptions {
        if (voiceMail == null && callWaiting == null && worldCall == null && worldWing == null) {
            throw new IllegalArgumentException("a voice option change needs at least one option");
        }
    }

    /** The options as {@code talkOption} wire flags ({@code "10"} on, {@code "20"} off). */
    Map<String, String> wire() {
        Map<String, String> wire = new LinkedHashMap<>();
        put(wire, "voiceMail", voiceMail);
        put(wire, "callWaiting", callWaiting);
        put(wire, "worldCall", worldCall);
        put(wire, "worldWing", worldWing);
        return wire;
    }

    private static void put(Map<String, String> wire, String name, Boolean value) {
        if (value != null) {
            wire.put(name, value ? "10" : "20");
        }
    }
}
