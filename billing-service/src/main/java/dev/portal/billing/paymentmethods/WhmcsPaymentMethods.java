package dev.portal.billing.paymentmethods;

import dev.portal.clients.whmcs.PayMethod;
import dev.portal.clients.whmcs.WhmcsClient;
import org.springframework.stereotype.Component;

/** WHMCS GetPayMethods, translated; gateway tokens ({@code remote_token}) are dropped here. */
@Component
class WhmcsPaymentMethods {

    private final WhmcsClient whmcs;

    WhmcsPaymentMethods(WhmcsClient whmcs) {
        this.whmcs = whmcs;
    }

    PaymentMethods of(long clientId) {
        return new PaymentMethods(whmcs.getPayMethods(clientId).stream().map(WhmcsPaymentMethods::of).toList());
    }

    private static PaymentMethods.PaymentMethod of(PayMethod method) {
        boolean card = method.card();
        String type = method.type() == null ? "" : method.type();
        return new PaymentMethods.PaymentMethod(method.id(), card ? "card" : "bank-account", type.startsWith("Remote"),
                method.description(), blankToNull(method.gatewayName()), card ? blankToNull(method.cardType()) : null,
                card ? blankToNull(method.cardLastFour()) : null, card ? blankToNull(method.expiryDate()) : null,
                card ? null : blankToNull(method.bankName()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
