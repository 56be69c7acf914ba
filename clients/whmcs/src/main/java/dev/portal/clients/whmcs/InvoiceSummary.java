package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One entry of GetInvoices' {@code invoices.invoice[]}. {@code datePaid} is null while unpaid. */
public record InvoiceSummary(
        long id,
        @JsonProperty("userid") long userId,
        @JsonProperty("invoicenum") String invoiceNum,
        @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate date,
        @JsonProperty("duedate") @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate dueDate,
        @JsonProperty("datepaid") @JsonDeserialize(using = WhmcsValues.Moment.class) LocalDateTime datePaid,
        BigDecimal subtotal,
        BigDecimal credit,
        BigDecimal tax,
        BigDecimal total,
        String status,
        @JsonProperty("paymentmethod") String paymentMethod,
        @JsonProperty("currencycode") String currencyCode) {
}
