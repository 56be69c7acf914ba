package dev.portal.billing.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One invoice with its lines and payments, as cached under its owner. */
record Invoice(long id, long clientId, String number, LocalDate issuedOn, LocalDate dueOn, LocalDateTime paidAt,
               InvoiceStatus status, BigDecimal subtotal, BigDecimal credit, BigDecimal tax, BigDecimal total,
               BigDecimal balance, List<Line> lines, List<Payment> payments) {

    Invoice {
        lines = List.copyOf(lines);
        payments = List.copyOf(payments);
    }

    /** @param serviceId the WHMCS service a {@code Hosting} line bills, null for other lines */
    record Line(String description, BigDecimal amount, String type, Long serviceId) {
    }

    /** @param method the payment gateway's system name, e.g. {@code stripe} */
    record Payment(LocalDateTime at, String method, BigDecimal amount) {
    }

    boolean overdue(LocalDate today) {
        return status == InvoiceStatus.UNPAID && dueOn != null && dueOn.isBefore(today);
    }
}
