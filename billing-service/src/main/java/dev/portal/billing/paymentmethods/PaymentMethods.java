package dev.portal.billing.paymentmethods;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A client's payment methods, as cached. */
record PaymentMethods(List<PaymentMethod> items) {

    PaymentMethods {
        items = List.copyOf(items);
    }

    /**
     * One payment method; never a gateway token.
     *
     * @param type        {@code card} or {@code bank-account}
     * @param remote      whether the gateway holds the details (WHMCS's {@code Remote...} types)
     * @param cardExpiry  {@code MM/YY} as WHMCS shows it, cards only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentMethod(long id, String type, boolean remote, String description, String gateway, String cardBrand,
                         String cardLastFour, String cardExpiry, String bankName) {
    }
}
