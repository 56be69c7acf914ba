package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of GetPayMethods' {@code paymethods[]}. {@code type} is {@code CreditCard, RemoteCreditCard,
 * BankAccount} or {@code RemoteBankAccount}; card fields are null for bank accounts and {@code bankName} for cards.
 */
public record PayMethod(
        long id,
        String type,
        String description,
        @JsonProperty("gateway_name") String gatewayName,
        @JsonProperty("card_last_four") String cardLastFour,
        @JsonProperty("expiry_date") String expiryDate,
        @JsonProperty("card_type") String cardType,
        @JsonProperty("bank_name") String bankName,
        @JsonProperty("last_updated") String lastUpdated) {

    public boolean card() {
        return type != null && type.endsWith("CreditCard");
    }
}
