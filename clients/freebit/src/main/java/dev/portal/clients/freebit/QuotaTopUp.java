package dev.portal.clients.freebit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Data to add to a line (PA04-04): {@code quotaMb} 1..512000, an optional {@code quotaCode} (at most 512
 * characters, shown in the quota history) and an optional expiry day.
 */
public record QuotaTopUp(String account, int quotaMb, String quotaCode, LocalDate expire) {

    public QuotaTopUp {
        Objects.requireNonNull(account, "account");
        if (quotaMb < 1 || quotaMb > 512_000) {
            throw new IllegalArgumentException("quotaMb must be 1..512000, was " + quotaMb);
        }
        if (quotaCode != null && quotaCode.length() > 512) {
            throw new IllegalArgumentException("quotaCode must be at most 512 characters");
        }
    }
}
