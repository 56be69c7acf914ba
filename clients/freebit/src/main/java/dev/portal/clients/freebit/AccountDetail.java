package dev.portal.clients.freebit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One line as PA03-02 reports it. Field names and values beyond the request are the sandbox's [guess: the
 * response part of the spec is not public]; quantities are converted to kilobytes.
 *
 * @param state          {@code active}, {@code processing} (an asynchronous order runs) or {@code cancelled}
 * @param talkOptions    voice options, true = on
 * @param reservedOrders orders accepted and not yet done
 */
public record AccountDetail(String account, String state, LocalDate startDate, LocalDate cancelDate, String productNumber,
                            boolean esim, String eid, String planCode, ContractLine contractLine, boolean globalIp,
                            boolean voice, Map<String, Boolean> talkOptions, long remainingKb,
                            List<ReservedOrder> reservedOrders) {

    /** An order not yet done: its kind ({@code changePlan}, {@code cancel}, ...), effective day if any, details. */
    public record ReservedOrder(String orderId, String order, LocalDate runTime, Map<String, String> details) {
    }

    public boolean processing() {
        return "processing".equals(state);
    }
}
