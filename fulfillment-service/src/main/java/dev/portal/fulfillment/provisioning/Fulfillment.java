package dev.portal.fulfillment.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fulfillment saga's data (stored as JSON with the instance): the approval that started it, then what each step
 * learnt for the ones after it. It holds no personal data beyond the SIM line's number, which the activation needs.
 *
 * @param orderId          the Salesforce Order id (also the saga's business key)
 * @param approval         the change event that approved the order (orders approvals: a replayed or older one starts nothing)
 * @param accountId        the Salesforce Account id, once the order is read
 * @param whmcsClientId    the Account's WHMCS client ({@code WH_Account__c})
 * @param sim              the SIM line to activate, when the order has one (its number and, for an eSIM, the EID)
 * @param lines            the order's items as WHMCS products, once mapped
 * @param whmcsOrderId     the WHMCS order, once placed
 * @param whmcsServiceIds  its services
 * @param whmcsOrderAccepted whether WHMCS accepted it (services active)
 */
public record Fulfillment(String orderId, Approval approval, String accountId, Long whmcsClientId, SimLine sim, List<Line> lines,
                          Long whmcsOrderId, List<Long> whmcsServiceIds, boolean whmcsOrderAccepted) {

    public Fulfillment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(approval, "approval");
        lines = lines == null ? List.of() : List.copyOf(lines);
        whmcsServiceIds = whmcsServiceIds == null ? List.of() : List.copyOf(whmcsServiceIds);
    }

    /** A fulfillment of the order {@code orderId} approved by {@code approval}, before any step ran. */
    public static Fulfillment approved(String orderId, Approval approval) {
        return new Fulfillment(orderId, approval, null, null, null, List.of(), null, List.of(), false);
    }

    /**
     * When and in which transaction Salesforce committed an approval: approvals of one order are ordered by commit
     * time, then commit number (a re-read record carries the read time and number 0).
     */
    public record Approval(Instant committedAt, long commitNumber) implements Comparable<Approval> {

        public Approval {
            Objects.requireNonNull(committedAt, "committedAt");
        }

        @Override
        public int compareTo(Approval other) {
            int byTime = committedAt.compareTo(other.committedAt);
            return byTime != 0 ? byTime : Long.compare(commitNumber, other.commitNumber);
        }

        public boolean isAfter(Approval other) {
            return compareTo(other) > 0;
        }
    }

    /** The SIM line an order activates: its MSISDN and, for an eSIM, the EID (null for a physical SIM). */
    public record SimLine(String msisdn, String eid) {

        public SimLine {
            Objects.requireNonNull(msisdn, "msisdn");
        }

        public boolean esim() {
            return eid != null;
        }
    }

    /**
     * One order item as a WHMCS product.
     *
     * @param planCode the Freebit plan of a SIM item, null otherwise
     */
    public record Line(String orderItemId, String product2Id, String productName, long whmcsProductId, int quantity, boolean sim,
                       String planCode) {
    }

    public boolean hasSimLine() {
        return lines.stream().anyMatch(Line::sim);
    }

    public Fulfillment withOrder(String account, long whmcsClient, SimLine simLine) {
        return new Fulfillment(orderId, approval, account, whmcsClient, simLine, lines, whmcsOrderId, whmcsServiceIds, whmcsOrderAccepted);
    }

    public Fulfillment withLines(List<Line> mapped) {
        return new Fulfillment(orderId, approval, accountId, whmcsClientId, sim, mapped, whmcsOrderId, whmcsServiceIds, whmcsOrderAccepted);
    }

    public Fulfillment withWhmcsOrder(long orderId, List<Long> serviceIds, boolean accepted) {
        return new Fulfillment(this.orderId, approval, accountId, whmcsClientId, sim, lines, orderId, serviceIds, accepted);
    }

    public Fulfillment withWhmcsOrderAccepted() {
        return new Fulfillment(orderId, approval, accountId, whmcsClientId, sim, lines, whmcsOrderId, whmcsServiceIds, true);
    }
}
