package dev.portal.sim.freebit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A SIM line as Freebit reports it, in the portal's words.
 *
 * @param state         {@code active}, {@code processing} (Freebit runs an order that locks the line) or {@code cancelled}
 * @param networkType   {@code 4G} or {@code 5G}
 * @param voiceOptions  voice options by name, true = on (empty on a data-only line)
 * @param pendingOrders orders Freebit accepted and has not done yet
 */
public record Line(String msisdn, String state, String planCode, String networkType, boolean esim, String eid,
                   String productNumber, boolean voice, Map<String, Boolean> voiceOptions, long remainingKb,
                   LocalDate startDate, LocalDate cancelDate, List<PendingOrder> pendingOrders) {

    /** Order kinds as Freebit names them in a line's pending orders. */
    public static final String PLAN_CHANGE = "changePlan";
    public static final String VOICE_OPTIONS = "talkOptionChange";
    public static final String NETWORK_TYPE = "contractLineChange";
    public static final String CANCELLATION = "cancel";
    public static final String ESIM_REISSUE = "esimReissue";

    /** An order accepted and not done: its kind, the day it takes effect (if reserved for a day), its details. */
    public record PendingOrder(String kind, LocalDate runDate, Map<String, String> details) {
    }

    public boolean cancelled() {
        return "cancelled".equals(state);
    }

    /** The pending orders of one kind. */
    public List<PendingOrder> pending(String kind) {
        return pendingOrders.stream().filter(o -> kind.equals(o.kind())).toList();
    }
}
