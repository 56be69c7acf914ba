package dev.portal.sim.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation asks for; only the fields of its kind are set.
 *
 * @param quotaMb      a top-up's data, in MB
 * @param planCode     a plan change's new plan
 * @param networkType  {@code 4G} or {@code 5G}
 * @param voiceOptions voice options to set, by Freebit's names ({@code voiceMail}, {@code callWaiting},
 *                     {@code worldCall}, {@code worldWing}); absent ones stay as they are
 * @param eid          an eSIM reissue's new device EID
 */
record Target(Integer quotaMb, String planCode, String networkType, Map<String, Boolean> voiceOptions, String eid) {

    Target {
        voiceOptions = voiceOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(voiceOptions));
    }

    static Target topUp(int quotaMb) {
        return new Target(quotaMb, null, null, null, null);
    }

    static Target plan(String planCode) {
        return new Target(null, planCode, null, null, null);
    }

    static Target network(String networkType) {
        return new Target(null, null, networkType, null, null);
    }

    static Target voice(Map<String, Boolean> options) {
        return new Target(null, null, null, options, null);
    }

    static Target esim(String eid) {
        return new Target(null, null, null, null, eid);
    }

    static Target none() {
        return new Target(null, null, null, null, null);
    }
}
