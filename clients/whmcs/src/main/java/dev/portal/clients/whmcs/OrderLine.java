package dev.portal.clients.whmcs;

import java.util.Map;
import java.util.TreeMap;

/**
 * One product of an AddOrder: {@code pid[i]}, {@code billingcycle[i]} (request form, lowercase: {@code monthly},
 * {@code annually}, …), {@code domain[i]} (the MSISDN for SIM products, may be null), {@code qty[i]}, and the
 * product's custom field values by field id ({@code customfields[i]}, sent as WHMCS wants them: base64 of a
 * PHP-serialized array).
 */
public record OrderLine(long pid, String billingCycle, String domain, int qty, Map<Long, String> customFields) {

    public OrderLine {
        billingCycle = billingCycle == null ? "monthly" : billingCycle.toLowerCase(java.util.Locale.ROOT);
        if (qty < 1) {
            throw new IllegalArgumentException("qty must be at least 1");
        }
        customFields = customFields == null ? Map.of() : Map.copyOf(new TreeMap<>(customFields));
    }

    public OrderLine(long pid, String billingCycle, String domain, int qty) {
        this(pid, billingCycle, domain, qty, Map.of());
    }

    public static OrderLine monthly(long pid) {
        return new OrderLine(pid, "monthly", null, 1);
    }

    public static OrderLine monthly(long pid, String domain) {
        return new OrderLine(pid, "monthly", domain, 1);
    }

    /** This line with custom field {@code fieldId} (a product's field, see {@link Product#customFields()}) set to {@code value}. */
    public OrderLine withCustomField(long fieldId, String value) {
        Map<Long, String> fields = new TreeMap<>(customFields);
        fields.put(fieldId, value);
        return new OrderLine(pid, billingCycle, domain, qty, fields);
    }
}
