package dev.portal.sandbox.sftp;

import java.util.List;
import java.util.Optional;

/** A seeded SIM line of {@code docs/sandbox.md}, and the usage it makes on a seeded day. */
record SftpSimLine(String msisdn, String productNumber, String planCode, boolean voice) {

    static final List<SftpSimLine> SEEDED = List.of(
            new SftpSimLine("09012345678", "AX0000000000001", "VOICE_10GB", true),
            new SftpSimLine("08011112222", "AX0000000000002", "DATA_3GB", false),
            new SftpSimLine("07033334444", "DN0000000000003", "VOICE_20GB", true));

    /** The {@code n}th made-up voice line of a bulk file ({@code 0800nnnnnnn}). */
    static SftpSimLine bulk(int n) {
        return new SftpSimLine("0800" + String.format("%07d", n), "AX" + String.format("%013d", 9_000_000_000_000L + n), "VOICE_10GB", true);
    }

    static Optional<SftpSimLine> of(String msisdn) {
        return SEEDED.stream().filter(line -> line.msisdn.equals(msisdn)).findFirst();
    }

    /** Calls on a seeded day: varies with the date, none on a data-only line. */
    int seededCalls(long epochDay) {
        return voice ? 2 + (int) Math.floorMod(epochDay + msisdn.hashCode(), 3L) : 0;
    }

    /** SMS on a seeded day. */
    int seededSms(long epochDay) {
        return 1 + (int) Math.floorMod(epochDay * 7 + msisdn.hashCode(), 2L);
    }
}
