package dev.portal.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as its customer sees it.
 *
 * @param id               the Salesforce Order id
 * @param status           the Salesforce Order status, e.g. {@code Pending Review}, {@code Approved}, {@code Activated}
 * @param activationStatus how far fulfillment has brought it: {@code NOT_STARTED}, {@code ACTIVATING},
 *                         {@code WAITING_FOR_PAYMENT_METHOD}, {@code ACTIVATED}, {@code FAILED}, {@code PARKED}
 * @param activationReason why fulfillment waits, failed or stopped (customer-safe), or null
 * @param timeline         the fulfillment steps in the order they started, each with its latest state
 */
public record OrderView(String id, String orderNumber, String status, String activationStatus, String activationReason,
                        Instant placedAt, LocalDate effectiveDate, String note, List<Item> items, Money total,
                        List<Step> timeline) {

    /** An amount of money; the amount without trailing zeros ({@code 990}, {@code 12.5}). */
    public record Money(BigDecimal amount, String currency) {

        public static Money of(BigDecimal amount, String currency) {
            BigDecimal plain = amount.stripTrailingZeros();
            return new Money(plain.scale() < 0 ? plain.setScale(0) : plain, currency);
        }
    }

    /**
     * One item.
     *
     * @param id       the Salesforce OrderItem id
     * @param category {@code internet}, {@code sim} or {@code vpn}, or null
     */
    public record Item(String id, String pricebookEntryId, String productId, String name, String code, String category,
                       int quantity, Money unitPrice, Money total) {

        static Item of(OrderLine line) {
            return new Item(line.itemId(), line.pricebookEntryId(), line.productId(), line.name(), line.code(), line.category(),
                    line.quantity(), Money.of(line.unitPrice(), line.currency()), Money.of(line.total(), line.currency()));
        }
    }

    /** One fulfillment step: {@code step} as fulfillment-service names it, its status, attempts so far and why. */
    public record Step(String step, String status, int attempt, String reason, Instant at) {

        static Step of(TimelineStep step) {
            return new Step(step.step(), step.status().name(), step.attempt(), step.reason(), step.at());
        }
    }

    /** The view of {@code order} as it stands in memory (checkout answers with it before anything is read back). */
    public static OrderView of(Order order) {
        return of(order.id(), order.orderNumber(), order.status(), order.activationStatus(), order.activationReason(),
                order.placedAt(), order.effectiveDate(), order.note(), order.lines(), order.timeline());
    }

    static OrderView of(String id, String orderNumber, String status, ActivationStatus activation, String reason,
                        Instant placedAt, LocalDate effectiveDate, String note, List<OrderLine> lines, List<TimelineStep> steps) {
        // an order whose items are not known yet totals zero in the portal's currency (an org without multi-currency)
        String currency = lines.isEmpty() ? "JPY" : lines.getFirst().currency();
        BigDecimal total = lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderView(id, orderNumber, status, activation.name(), reason, placedAt, effectiveDate, note,
                lines.stream().map(Item::of).toList(), Money.of(total, currency), steps.stream().map(Step::of).toList());
    }
}
