package dev.portal.clients.sftp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rows of one parsed file, held in memory (small files, tests): its records, the rows that did not fit, and its
 * trailer when it had one (a mismatch with the rows is among {@code malformed}).
 *
 * @param trailerCount the trailer's record count, or null without a trailer
 * @param trailerSum   the trailer's sum of {@code charge_jpy}, or null without a trailer
 */
public record CdrFileContents<T>(String fileName, List<T> records, List<MalformedLine> malformed, Integer trailerCount,
                                 BigDecimal trailerSum) {

    public CdrFileContents {
        records = List.copyOf(records);
        malformed = List.copyOf(malformed);
    }
}
