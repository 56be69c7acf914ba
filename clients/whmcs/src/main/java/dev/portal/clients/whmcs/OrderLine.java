package dev.portal.clients.whmcs;

/**
 * One product of an AddOrder: {@code pid[i]}, {@code billingcycle[i]} (request form, lowercase: {@code monthly},
 * {@code annually}, …), {@code domain[i]} (the MSISDN for SIM products, may be null) and {@code qty[i]}.
 */
public record OrderLine(long pid, String billingCycle, String domain, int qty) {

    public OrderLine {
        billingCycle = billingCycle == null ? "monthly" : billingCycle.toLowerCase(java.util.Locale.ROOT);
        if (qty < 1) {
            throw new IllegalArgumentException("qty must be at least 1");
        }
    }

    public static OrderLine monthly(long pid) {
        return new OrderLine(pid, "monthly", null, 1);
    }

    public static OrderLine monthly(long pid, String domain) {
        return new OrderLine(pid, "monthly", domain, 1);
    }
}
