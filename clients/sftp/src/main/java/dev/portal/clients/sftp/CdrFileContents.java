package dev.portal.clients.sftp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The records of one parsed file, and its trailer when it had one (already checked against the records).
 *
 * @param trailerCount the trailer's record count, or null without a trailer
 * @param trailerSum   the trailer's sum of {@code charge_jpy}, or null without a trailer
 */
public record CdrFileContents<T>(String fileName, List<T> records, Integer trailerCount, BigDecimal trailerSum) {

    public CdrFileContents {
        records = List.copyOf(records);
    }
}
