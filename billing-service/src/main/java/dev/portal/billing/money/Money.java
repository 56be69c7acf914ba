package dev.portal.billing.money;

import java.math.BigDecimal;

/** An amount in a currency, as every answer of this service writes it: {@code {"amount": 7260.00, "currency": "JPY"}}. */
public record Money(BigDecimal amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}
