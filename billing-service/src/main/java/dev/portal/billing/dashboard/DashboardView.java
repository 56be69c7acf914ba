package dev.portal.billing.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portal.billing.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard: four sections, each fetched on its own. A section that could not be fetched in time says
 * {@code "available": false} with a {@code reason} ({@code timeout} or {@code failed}) and nothing else; the
 * others are there all the same.
 */
record DashboardView(Instant generatedAt, RecentOrders recentOrders, UnpaidInvoices unpaidInvoices,
                     ActiveServices activeServices, OpenCases openCases) {

    /** Why a section is missing: the source did not answer within its timeout, or answered with a failure. */
    enum Unavailable {
        TIMEOUT, FAILED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Orders of the last {@code days} days (order-service), newest first; {@code count} covers all of them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecentOrders(boolean available, String reason, Integer days, Integer count, List<Order> items) {

        static RecentOrders of(int days, int count, List<Order> items) {
            return new RecentOrders(true, null, days, count, List.copyOf(items));
        }

        static RecentOrders unavailable(Unavailable why) {
            return new RecentOrders(false, why.wireName(), null, null, null);
        }
    }

    /**
     * @param status           the Salesforce Order status (e.g. {@code Pending Review}, {@code Activated})
     * @param activationStatus how far fulfillment has brought it (order-service's {@code activationStatus})
     * @param placedAt         as order-service wrote it (an ISO instant)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(String id, String orderNumber, String status, String activationStatus, String placedAt, Money total) {
    }

    /** Unpaid invoices (WHMCS), and the overdue ones among them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnpaidInvoices(boolean available, String reason, Integer count, Money total, Integer overdueCount, Money overdueTotal) {

        static UnpaidInvoices unavailable(Unavailable why) {
            return new UnpaidInvoices(false, why.wireName(), null, null, null, null);
        }
    }

    /** Services in WHMCS status Active. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveServices(boolean available, String reason, Integer count, List<Service> items) {

        static ActiveServices unavailable(Unavailable why) {
            return new ActiveServices(false, why.wireName(), null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Service(long id, String product, boolean sim, String msisdn, LocalDate nextDueOn) {
    }

    /** Support cases not Closed (case-service), newest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpenCases(boolean available, String reason, Integer count, List<Case> items) {

        static OpenCases of(int count, List<Case> items) {
            return new OpenCases(true, null, count, List.copyOf(items));
        }

        static OpenCases unavailable(Unavailable why) {
            return new OpenCases(false, why.wireName(), null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Case(String id, String caseNumber, String subject, String status, String createdAt) {
    }
}
