package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One service (a product a client holds) from GetClientsProducts' {@code products.product[]}. WHMCS sends its ids
 * as strings; they are read as numbers. SIM services carry the MSISDN as {@code domain} and as a custom field.
 *
 * @param billingCycle display form, e.g. {@code Monthly}
 * @param status       {@code Pending, Active, Suspended, Terminated, Cancelled, Fraud, Completed}
 */
public record ClientService(
        long id,
        @JsonProperty("clientid") long clientId,
        @JsonProperty("orderid") long orderId,
        long pid,
        String name,
        @JsonProperty("groupname") String groupName,
        String domain,
        @JsonProperty("regdate") @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate registered,
        @JsonProperty("firstpaymentamount") BigDecimal firstPaymentAmount,
        @JsonProperty("recurringamount") BigDecimal recurringAmount,
        @JsonProperty("paymentmethod") String paymentMethod,
        @JsonProperty("billingcycle") String billingCycle,
        @JsonProperty("nextduedate") @JsonDeserialize(using = WhmcsValues.Day.class) LocalDate nextDueDate,
        String status,
        @JsonProperty("customfields") CustomFields customFields) {

    /** {@code customfields.customfield[]}. */
    public record CustomFields(List<CustomField> customfield) {
        public CustomFields {
            customfield = customfield == null ? List.of() : List.copyOf(customfield);
        }
    }

    public record CustomField(long id, String name, String value) {
    }

    public ClientService {
        customFields = customFields == null ? new CustomFields(List.of()) : customFields;
        domain = domain == null ? "" : domain;
    }

    /** The value of the custom field named {@code name} (e.g. {@code MSISDN}), if the service has one. */
    public Optional<String> customField(String name) {
        return customFields.customfield().stream().filter(f -> name.equalsIgnoreCase(f.name()))
                .map(CustomField::value).filter(v -> v != null && !v.isEmpty()).findFirst();
    }

    public boolean active() {
        return "Active".equals(status);
    }
}
