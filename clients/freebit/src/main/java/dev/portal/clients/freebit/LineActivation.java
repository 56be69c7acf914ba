package dev.portal.clients.freebit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A new line to activate: a physical SIM through PA02-01 ({@code master/addAcnt/}), an eSIM through PA05-41 with
 * {@code addKind "N"} ({@code mvno/esim/addAcnt/}). Asynchronous: Freebit answers at once and the line is
 * {@code processing} until done ({@link AccountDetail#state()}).
 *
 * @param account      the new line's MSISDN (11 digits; hyphens are stripped)
 * @param planCode     Freebit's plan code (at most 32 characters)
 * @param eid          the eSIM's EID (32 digits), or null for a physical SIM
 * @param contractLine 4G or 5G
 */
public record LineActivation(String account, String planCode, String eid, ContractLine contractLine) {

    private static final Pattern EID = Pattern.compile("\\d{32}");

    public LineActivation {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(planCode, "planCode");
        if (planCode.isBlank() || planCode.length() > 32) {
            throw new IllegalArgumentException("planCode must have 1 to 32 characters");
        }
        if (eid != null && !EID.matcher(eid).matches()) {
            throw new IllegalArgumentException("an EID has 32 digits");
        }
        contractLine = contractLine == null ? ContractLine.LTE_4G : contractLine;
    }

    public static LineActivation sim(String account, String planCode, ContractLine contractLine) {
        return new LineActivation(account, planCode, null, contractLine);
    }

    public static LineActivation esim(String account, String planCode, String eid, ContractLine contractLine) {
        return new LineActivation(account, planCode, Objects.requireNonNull(eid, "eid"), contractLine);
    }

    public boolean esim() {
        return eid != null;
    }
}
