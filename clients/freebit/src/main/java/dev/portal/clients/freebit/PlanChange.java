package dev.portal.clients.freebit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A plan change (PA05-21). {@code runTime} null lets Freebit choose (the portal's rule: the 1st of next month);
 * {@code globalIp} asks for a fixed global IP.
 */
public record PlanChange(String account, String planCode, boolean globalIp, LocalDate runTime) {

    public PlanChange {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(planCode, "planCode");
        if (planCode.length() > 32) {
            throw new IllegalArgumentException("planCode must be at most 32 characters");
        }
    }

    /** The addresses Freebit assigned when a global IP was asked for (null otherwise). */
    public record Result(String ipv4, String ipv6) {
    }
}
