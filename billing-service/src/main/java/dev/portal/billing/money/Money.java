package dev.portal.billing.money;

import java.math.BigDecimal;

/**
 * An amount in a currency, as every answer of this service writes it: {@code {"amount": 7260, "currency": "JPY"}},
 * without trailing zeros ({@code 990}, {@code 12.5}), as order-service writes it too.
 */
public record Money(BigDecimal amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        BigDecimal plain = (amount == null ? BigDecimal.ZERO : amount).stripTrailingZeros();
        return new Money(plain.scale() < 0 ? plain.setScale(0) : plain, currency);
    }
}
