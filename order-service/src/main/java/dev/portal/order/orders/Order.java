package dev.portal.order.orders;

import dev.portal.platform.outbox.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order as the portal knows it: the Salesforce Order (Salesforce owns it; this is the local copy lists are served
 * from), the portal user who placed it, its items, and how fulfillment is going. Salesforce's fields change only through
 * {@link #apply}, fulfillment's through {@link #recordStep} and {@link #recordActivation}; a report older than what the
 * order holds changes nothing. {@link OrderSubmitted} is registered once, when the order is known to be a portal user's.
 */
@Entity
@Table(name = "orders")
public class Order extends Aggregate<Order, String> {

    @Id
    private String id;
    private String accountId;
    private UUID userId;
    private UUID checkoutId;
    private String orderNumber;
    private String status;
    @Enumerated(EnumType.STRING)
    private ActivationStatus activationStatus;
    private String activationReason;
    private Instant activationChangedAt;
    private LocalDate effectiveDate;
    private String note;
    private Instant placedAt;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "order_steps", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<TimelineStep> timeline = new ArrayList<>();

    protected Order() {
    }

    /** An order a portal user just placed through checkout ({@code seen} as Salesforce answered). Registers {@link OrderSubmitted}. */
    public static Order placed(SalesforceOrder seen, UUID userId, UUID checkoutId, Instant now) {
        Order order = seen(seen, now);
        order.placedBy(userId, checkoutId, now);
        return order;
    }

    /** An order first seen in Salesforce (a change event or a re-read): nobody placed it through the portal, as far as is known. */
    public static Order seen(SalesforceOrder seen, Instant now) {
        Order order = new Order();
        order.id = seen.id();
        order.accountId = seen.accountId();
        order.orderNumber = seen.orderNumber();
        order.status = seen.status();
        order.effectiveDate = seen.effectiveDate();
        order.note = seen.note();
        order.activationStatus = ActivationStatus.NOT_STARTED;
        order.placedAt = seen.createdAt();
        order.updatedAt = now;
        order.lines.addAll(seen.lines());
        return order;
    }

    /**
     * Records who placed the order through the portal (when checkout learns it after the order was seen, or the order
     * was seen before its checkout finished). Registers {@link OrderSubmitted} the first time; the same placer again
     * changes nothing.
     *
     * @throws IllegalStateException when another user or checkout is recorded already
     */
    public void placedBy(UUID user, UUID checkout, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(checkout, "checkout");
        if (userId != null) {
            if (!userId.equals(user) || !checkout.equals(checkoutId)) {
                throw new IllegalStateException("order " + id + " was placed by checkout " + checkoutId + ", not " + checkout);
            }
            return;
        }
        userId = user;
        checkoutId = checkout;
        updatedAt = now;
        registerEvent(new OrderSubmitted(id, orderNumber, accountId, user, status,
                lines.stream().map(l -> new OrderSubmitted.Item(l.itemId(), l.pricebookEntryId(), l.productId(), l.quantity(), l.unitPrice())).toList(),
                total(), currency(), now));
    }

    /** Applies the fields one Salesforce change set. Returns whether the status changed. */
    public boolean apply(SalesforceOrderChange change, Instant now) {
        boolean statusChanged = change.status() != null && !change.status().equals(status);
        boolean changed = statusChanged;
        if (statusChanged) {
            status = change.status();
        }
        if (change.orderNumber() != null && !change.orderNumber().equals(orderNumber)) {
            orderNumber = change.orderNumber();
            changed = true;
        }
        if (change.effectiveDate() != null && !change.effectiveDate().equals(effectiveDate)) {
            effectiveDate = change.effectiveDate();
            changed = true;
        }
        if (change.note() != null && !change.note().equals(note)) {
            note = change.note();
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return statusChanged;
    }

    /** The items as Salesforce now holds them. */
    public void replaceLines(List<OrderLine> current, Instant now) {
        if (current.equals(lines)) {
            return;
        }
        lines.clear();
        lines.addAll(current);
        updatedAt = now;
    }

    /**
     * Records the latest state of a fulfillment step. Returns false (and changes nothing) when the order already holds
     * a later report of that step.
     */
    public boolean recordStep(TimelineStep report, Instant now) {
        for (int i = 0; i < timeline.size(); i++) {
            TimelineStep known = timeline.get(i);
            if (known.step().equals(report.step())) {
                if (report.at().isBefore(known.at())) {
                    return false;
                }
                timeline.set(i, report);
                updatedAt = now;
                return true;
            }
        }
        timeline.add(report);
        updatedAt = now;
        return true;
    }

    /**
     * Records fulfillment's status of the order. Returns false (and changes nothing) when the order holds a later one.
     */
    public boolean recordActivation(ActivationStatus reported, String reason, Instant at, Instant now) {
        Objects.requireNonNull(reported, "reported");
        if (activationChangedAt != null && at.isBefore(activationChangedAt)) {
            return false;
        }
        activationStatus = reported;
        activationReason = reason;
        activationChangedAt = at;
        updatedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    /** The portal user who placed it; null for an order made in Salesforce. */
    public UUID userId() {
        return userId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String status() {
        return status;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public String note() {
        return note;
    }

    public ActivationStatus activationStatus() {
        return activationStatus;
    }

    public String activationReason() {
        return activationReason;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<TimelineStep> timeline() {
        return List.copyOf(timeline);
    }

    /** The sum of its lines (in the currency of its lines, which one price book gives them all). */
    public BigDecimal total() {
        return lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String currency() {
        return lines.isEmpty() ? null : lines.getFirst().currency();
    }
}
