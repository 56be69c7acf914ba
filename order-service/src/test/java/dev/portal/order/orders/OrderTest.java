package dev.portal.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order's transitions: who placed it is recorded once, and a report older than what the order holds changes nothing. */
class OrderTest {

    static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    static final UUID USER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID CHECKOUT = UUID.fromString("00000000-0000-4000-8000-0000000000c1");

    static SalesforceOrder salesforceOrder(OrderLine... lines) {
        return new SalesforceOrder("801Sb0000000101AAA", "001Sb0000000001AAA", "00000101", "Pending Review",
                LocalDate.parse("2026-12-08"), null, NOW, CHECKOUT, List.of(lines));
    }

    static OrderLine line(String itemId, int quantity, int unitPrice) {
        return new OrderLine(itemId, "01uSb0000000103AAA", "01tSb0000000003AAA", "SIM Data 3GB", "SIM-DATA-3GB", "sim", quantity,
                BigDecimal.valueOf(unitPrice), "JPY");
    }

    @Test
    void an_order_placed_through_checkout_announces_its_submission_with_its_items_and_total() {
        Order order = Order.placed(salesforceOrder(line("802A", 2, 990), line("802B", 1, 550)), USER, CHECKOUT, NOW);

        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderSubmitted.class, submitted -> {
            assertThat(submitted.orderId()).isEqualTo("801Sb0000000101AAA");
            assertThat(submitted.userId()).isEqualTo(USER);
            assertThat(submitted.items()).extracting(OrderSubmitted.Item::itemId).containsExactly("802A", "802B");
            assertThat(submitted.total()).isEqualByComparingTo("2530");
            assertThat(submitted.currency()).isEqualTo("JPY");
        });
    }

    @Test
    void an_order_seen_in_salesforce_first_is_announced_once_when_its_checkout_is_known_and_never_again() {
        Order order = Order.seen(salesforceOrder(line("802A", 1, 990)), NOW);
        assertThat(order.pendingEvents()).isEmpty();

        order.placedBy(USER, CHECKOUT, NOW);
        order.placedBy(USER, CHECKOUT, NOW.plusSeconds(1));

        assertThat(order.pendingEvents()).hasSize(1);
        assertThat(order.userId()).isEqualTo(USER);
    }

    @Test
    void an_order_cannot_change_hands() {
        Order order = Order.placed(salesforceOrder(), USER, CHECKOUT, NOW);

        assertThatThrownBy(() -> order.placedBy(UUID.randomUUID(), UUID.randomUUID(), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_salesforce_change_reports_whether_the_status_moved() {
        Order order = Order.seen(salesforceOrder(), NOW);

        boolean numbered = order.apply(new SalesforceOrderChange(null, "00000102", null, null), NOW);
        boolean approved = order.apply(new SalesforceOrderChange("Approved", null, null, null), NOW);
        boolean again = order.apply(new SalesforceOrderChange("Approved", null, null, null), NOW);

        assertThat(numbered).isFalse();
        assertThat(approved).isTrue();
        assertThat(again).isFalse();
        assertThat(order.status()).isEqualTo("Approved");
        assertThat(order.orderNumber()).isEqualTo("00000102");
    }

    @Test
    void a_step_keeps_its_latest_report_in_the_place_it_first_appeared() {
        Order order = Order.seen(salesforceOrder(), NOW);

        order.recordStep(new TimelineStep("mark-activating", StepStatus.RUNNING, 1, null, NOW), NOW);
        order.recordStep(new TimelineStep("map-products", StepStatus.RUNNING, 1, null, NOW.plusSeconds(2)), NOW);
        boolean later = order.recordStep(new TimelineStep("mark-activating", StepStatus.SUCCEEDED, 1, null, NOW.plusSeconds(1)), NOW);
        boolean older = order.recordStep(new TimelineStep("map-products", StepStatus.WAITING, 1, null, NOW.plusSeconds(1)), NOW);

        assertThat(later).isTrue();
        assertThat(older).isFalse();
        assertThat(order.timeline()).extracting(TimelineStep::step, TimelineStep::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mark-activating", StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("map-products", StepStatus.RUNNING));
    }

    @Test
    void an_older_fulfillment_status_does_not_replace_a_later_one() {
        Order order = Order.seen(salesforceOrder(), NOW);

        order.recordActivation(ActivationStatus.ACTIVATED, null, NOW.plusSeconds(10), NOW);
        boolean older = order.recordActivation(ActivationStatus.ACTIVATING, null, NOW, NOW);

        assertThat(older).isFalse();
        assertThat(order.activationStatus()).isEqualTo(ActivationStatus.ACTIVATED);
    }

    @Test
    void the_total_sums_quantity_times_unit_price() {
        Order order = Order.seen(salesforceOrder(line("802A", 3, 990), line("802B", 2, 550)), NOW);

        assertThat(order.total()).isEqualByComparingTo("4070");
        assertThat(OrderView.of(order).total().amount()).isEqualTo(new BigDecimal("4070"));
    }
}
