package dev.portal.catalog.products;

import java.util.Locale;
import java.util.Optional;

/** The portal's product categories; Salesforce's {@code Portal_Category__c} values map onto them. */
public enum Category {
    INTERNET, SIM, VPN;

    /** The value of {@code Portal_Category__c}; "Mobile" is the price book's other name for SIM. Anything else is not sold. */
    public static Optional<Category> fromSalesforce(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "internet" -> Optional.of(INTERNET);
            case "sim", "mobile", "sim/mobile" -> Optional.of(SIM);
            case "vpn" -> Optional.of(VPN);
            default -> Optional.empty();
        };
    }

    /** The {@code ?category=} parameter: internet, sim or vpn, case-insensitive. */
    public static Optional<Category> fromParameter(String value) {
        for (Category category : values()) {
            if (category.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
