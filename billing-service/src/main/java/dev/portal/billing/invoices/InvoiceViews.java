package dev.portal.billing.invoices;

import dev.portal.billing.money.Money;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What the invoice endpoints answer. */
final class InvoiceViews {

    private InvoiceViews() {
    }

    /** @param overdue unpaid and past its due date today */
    record Summary(long id, String number, LocalDate issuedOn, LocalDate dueOn, OffsetDateTime paidAt, String status,
                   boolean overdue, Money total) {

        static Summary of(InvoiceSummary invoice, LocalDate today, ZoneId zone, String currency) {
            return new Summary(invoice.id(), invoice.number(), invoice.issuedOn(), invoice.dueOn(), at(invoice.paidAt(), zone),
                    invoice.status().wireName(), invoice.overdue(today), Money.of(invoice.total(), currency));
        }
    }

    record Page(List<Summary> items, int page, int size, int totalItems) {
    }

    record Line(String description, Money amount, String type, Long serviceId) {
    }

    /** @param method the payment gateway's name in WHMCS, e.g. {@code stripe} */
    record Payment(OffsetDateTime at, String method, Money amount) {
    }

    /** @param payable whether a payment link can be asked for (unpaid) */
    record Detail(long id, String number, LocalDate issuedOn, LocalDate dueOn, OffsetDateTime paidAt, String status,
                  boolean overdue, boolean payable, Money subtotal, Money credit, Money tax, Money total, Money balance,
                  List<Line> lines, List<Payment> payments) {

        static Detail of(Invoice invoice, LocalDate today, ZoneId zone, String currency) {
            return new Detail(invoice.id(), invoice.number(), invoice.issuedOn(), invoice.dueOn(), at(invoice.paidAt(), zone),
                    invoice.status().wireName(), invoice.overdue(today), invoice.status() == InvoiceStatus.UNPAID,
                    Money.of(invoice.subtotal(), currency), Money.of(invoice.credit(), currency), Money.of(invoice.tax(), currency),
                    Money.of(invoice.total(), currency), Money.of(invoice.balance(), currency),
                    invoice.lines().stream().map(l -> new Line(l.description(), Money.of(l.amount(), currency), l.type(), l.serviceId())).toList(),
                    invoice.payments().stream().map(p -> new Payment(at(p.at(), zone), p.method(), Money.of(p.amount(), currency))).toList());
        }
    }

    /** @param url single use; send the browser there before {@code expiresAt} */
    record Link(long invoiceId, URI url, Instant expiresAt) {

        static Link of(PaymentLink link) {
            return new Link(link.invoiceId(), link.url(), link.expiresAt());
        }
    }

    // WHMCS writes local times of its installation, which runs in the business time zone
    private static OffsetDateTime at(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toOffsetDateTime();
    }
}
