package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A WHMCS client, as GetClientsDetails describes it ({@code client{…}}).
 *
 * @param id             the client id
 * @param status         {@code Active}, {@code Inactive} or {@code Closed}
 * @param defaultGateway the client's default payment method (system name), empty when none
 */
public record ClientDetails(
        long id,
        String uuid,
        String firstname,
        String lastname,
        String fullname,
        String companyname,
        String email,
        String address1,
        String address2,
        String city,
        String state,
        String postcode,
        @JsonProperty("countrycode") String country,
        String phonenumber,
        @JsonProperty("tax_id") String taxId,
        String status,
        BigDecimal credit,
        @JsonDeserialize(using = WhmcsValues.Flag.class) Boolean taxexempt,
        @JsonProperty("defaultgateway") String defaultGateway,
        @JsonProperty("currency_code") String currencyCode,
        String language,
        String notes,
        @JsonProperty("email_preferences") Map<String, Object> emailPreferences) {

    public ClientDetails {
        emailPreferences = emailPreferences == null ? Map.of() : Map.copyOf(emailPreferences);
    }

    public boolean active() {
        return "Active".equals(status);
    }

    public boolean closed() {
        return "Closed".equals(status);
    }
}
