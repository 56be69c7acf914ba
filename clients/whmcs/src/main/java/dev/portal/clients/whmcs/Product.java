package dev.portal.clients.whmcs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of GetProducts' {@code products.product[]}, with its price table per currency code. */
public record Product(long pid, long gid, String type, String name, String slug, String description, String module,
                      @JsonProperty("paytype") String payType, Map<String, Pricing> pricing,
                      @JsonProperty("customfields") CustomFields customFields) {

    /** {@code customfields.customfield[]}: the fields an order of this product may set (AddOrder's {@code customfields[i]}). */
    public record CustomFields(List<CustomField> customfield) {
        public CustomFields {
            customfield = customfield == null ? List.of() : List.copyOf(customfield);
        }
    }

    public record CustomField(long id, String name) {
    }

    public Product(long pid, long gid, String type, String name, String slug, String description, String module, String payType,
                   Map<String, Pricing> pricing) {
        this(pid, gid, type, name, slug, description, module, payType, pricing, null);
    }

    /** The id of the custom field named {@code name}, if the product has one. */
    public Optional<Long> customFieldId(String name) {
        return customFields.customfield().stream().filter(f -> name.equalsIgnoreCase(f.name())).map(CustomField::id).findFirst();
    }

    /** Prices per billing cycle; WHMCS writes {@code -1.00} for a cycle it does not offer. */
    public record Pricing(String prefix, String suffix, BigDecimal monthly, BigDecimal quarterly, BigDecimal semiannually,
                          BigDecimal annually, BigDecimal biennially, BigDecimal triennially) {
    }

    public Product {
        pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
        customFields = customFields == null ? new CustomFields(List.of()) : customFields;
    }

    /** The monthly price in {@code currency}, if the product is offered monthly. */
    public Optional<BigDecimal> monthlyPrice(String currency) {
        return Optional.ofNullable(pricing.get(currency)).map(Pricing::monthly).filter(p -> p.signum() >= 0);
    }
}
