package dev.portal.clients.sftp;

import java.math.BigDecimal;

/**
 * What reading one file found.
 *
 * @param headerLine   the line of the header row
 * @param records      rows read into records
 * @param malformed    rows handed over as malformed (a trailer that does not match is reported but not counted)
 * @param trailerCount the trailer's record count, or null without a (readable) trailer
 * @param trailerSum   the trailer's sum of {@code charge_jpy}, or null
 * @param lines        lines read
 */
public record CdrSummary(String fileName, long headerLine, long records, long malformed, Integer trailerCount,
                         BigDecimal trailerSum, long lines) {
}
