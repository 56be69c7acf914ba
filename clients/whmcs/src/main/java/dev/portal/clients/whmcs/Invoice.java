package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** GetInvoice: the header, {@code items.item[]} and {@code transactions.transaction[]} (WHMCS sends {@code ""} for none). */
public record Invoice(
        @JsonProperty("invoiceid") long id,
        @JsonProperty("invoicenum") String invoiceNum,
        @JsonProperty("userid") long userId,
        @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate date,
        @JsonProperty("duedate") @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate dueDate,
        @JsonProperty("datepaid") @JsonDeserialize(using = WhmcsValues.Moment.class) LocalDateTime datePaid,
        BigDecimal subtotal,
        BigDecimal credit,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal balance,
        String status,
        @JsonProperty("paymentmethod") String paymentMethod,
        String notes,
        Items items,
        Transactions transactions) {

    public record Items(List<Item> item) {
        public Items {
            item = item == null ? List.of() : List.copyOf(item);
        }
    }

    /** @param relid the related record, e.g. the service id of a {@code Hosting} line */
    public record Item(long id, String type, long relid, String description, BigDecimal amount,
                       @JsonDeserialize(using = WhmcsValues.Flag.class) Boolean taxed) {
    }

    public record Transactions(List<Transaction> transaction) {
        public Transactions {
            transaction = transaction == null ? List.of() : List.copyOf(transaction);
        }
    }

    public record Transaction(long id, String gateway, @JsonDeserialize(using = WhmcsValues.Moment.class) LocalDateTime date,
                              String description, @JsonProperty("amountin") BigDecimal amountIn,
                              @JsonProperty("transid") String transactionId) {
    }

    public Invoice {
        items = items == null ? new Items(List.of()) : items;
        transactions = transactions == null ? new Transactions(List.of()) : transactions;
    }

    public List<Item> lines() {
        return items.item();
    }

    public List<Transaction> payments() {
        return transactions.transaction();
    }

    public boolean paid() {
        return "Paid".equals(status);
    }
}
